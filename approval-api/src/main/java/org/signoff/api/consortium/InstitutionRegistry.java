package org.signoff.api.consortium;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import org.signoff.api.command.Commands;
import org.signoff.api.command.EngineCommands;
import org.signoff.api.institution.Institutions;
import org.signoff.api.security.ApiKeys;
import org.signoff.api.security.Callers;
import org.signoff.api.security.CredentialStore;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.RegisterApiClient;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.common.Rejection;
import org.signoff.institution.api.RegisterInstitution;
import org.signoff.staff.api.EnrolFirstAdministrator;
import org.signoff.staff.api.StaffId;

/**
 * Registers a member institution with what it needs to manage itself: its first administrator, enrolled in its own
 * directory, and that person's key with every operation, as a new deployment's first start does for the default
 * institution. The consortium administrator hands the key over; from then on the member's administrators manage the
 * member.
 */
@Component
class InstitutionRegistry {

    /** The id of the first administrator's key in each member. */
    static final String FIRST_KEY = "first-admin";

    private final Commands commands;
    private final CommandGateway gateway;
    private final Institutions institutions;
    private final Callers callers;

    InstitutionRegistry(Commands commands, CommandGateway gateway, Institutions institutions, Callers callers) {
        this.callers = callers;
        this.commands = commands;
        this.gateway = gateway;
        this.institutions = institutions;
    }

    /** What a registration answers: the member's first administrator and their key, shown this once. */
    record Registered(InstitutionCode code, String name, String firstAdministrator, String key) {}

    Registered register(
            InstitutionCode code,
            String name,
            String administrator,
            String displayName,
            String unit,
            StaffId performer) {
        if (institutions.find(code).isPresent()) {
            throw Rejection.ALREADY_EXISTS.because("Institution " + code + " is the engine's already");
        }
        commands.create(new RegisterInstitution(code, name, performer));
        InstitutionScope member = institutions.scopeOf(code);
        StaffId admin = StaffId.of(member.key(administrator));
        // sent within the member, by the consortium administrator's client
        String by = callers.current().clientId().value();
        gateway.sendAndWait(EngineCommands.within(code, by, new EnrolFirstAdministrator(admin, displayName, unit)));
        String secret = CredentialStore.newSecret();
        ClientId client = ClientId.of(member.key(FIRST_KEY));
        gateway.sendAndWait(EngineCommands.within(
                code, by, RegisterApiClient.firstAdministratorsKey(client, admin, CredentialStore.hash(secret))));
        return new Registered(code, name, administrator, ApiKeys.keyText(client, secret));
    }
}
