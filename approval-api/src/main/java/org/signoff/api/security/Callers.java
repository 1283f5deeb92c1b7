package org.signoff.api.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;
import org.signoff.common.InstitutionScope;
import org.signoff.common.MessageMetaData;
import org.signoff.common.Rejection;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;

/** The caller of the current request, and whom a command of theirs is performed by. */
@Component
public class Callers {

    private final StaffDirectory directory;

    Callers(StaffDirectory directory) {
        this.directory = directory;
    }

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            throw new IllegalStateException("No authenticated caller on this request");
        }
        return caller;
    }

    /** The caller's institution's ids: what its callers name, keyed as the engine keys them. */
    public InstitutionScope ids() {
        return current().scope();
    }

    /** The engine's key of an id the caller named (a job's, a person's, a ticket's...). */
    public String key(String id) {
        return ids().key(id);
    }

    public JobId job(String id) {
        return JobId.of(key(id));
    }

    public StaffId staff(String id) {
        return StaffId.of(key(id));
    }

    public TicketId ticket(String id) {
        return TicketId.of(key(id));
    }

    public ClientId client(String id) {
        return ClientId.of(key(id));
    }

    public TrainingClassId trainingClass(String id) {
        return TrainingClassId.of(key(id));
    }

    /**
     * The performer of a command: a person's key performs as that person ({@code performedBy} left out or naming
     * them); an integration names the person, who must be one it acts for.
     */
    /**
     * The performer, who must be an administrator who has not left: {@code ROLE_REQUIRED} otherwise.
     *
     * @param action what only an administrator does, for the refusal: "imports a master list"
     */
    public StaffId administrator(String performedBy, String action) {
        StaffId performer = performer(performedBy);
        boolean administrator = directory
                .find(performer)
                .map(member -> member.has(Role.ADMIN) && !member.left())
                .orElse(false);
        if (!administrator) {
            throw Rejection.ROLE_REQUIRED.because("Only an administrator " + action);
        }
        return performer;
    }

    public StaffId performer(String performedBy) {
        Caller caller = current();
        if (caller.isPerson()) {
            if (performedBy != null
                    && !caller.staffId().value().equals(caller.scope().key(performedBy))) {
                throw PerformerRefused.notAllowed(
                        "Client '" + caller.clientId() + "' acts as '" + caller.staffId() + "' only");
            }
            return caller.staffId();
        }
        if (performedBy == null) {
            throw PerformerRefused.missing();
        }
        StaffId person = StaffId.of(caller.scope().key(performedBy));
        if (!caller.actsForAnyone() && !actsForUnitOf(caller, person)) {
            throw PerformerRefused.notAllowed(
                    "Client '" + caller.clientId() + "' does not act for '" + performedBy + "'");
        }
        return person;
    }

    /**
     * What a person's own credentials open: what was granted, but managing API clients only for an administrator
     * and reading the refusals only for an auditor or an administrator; nothing once the person left. Read at every
     * request, so a role taken away (or a departure) counts from the next one.
     */
    public Set<Operation> operationsOf(StaffId person, Set<Operation> granted) {
        Set<Operation> operations = granted.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(granted);
        Optional<StaffMembership> membership = directory.find(person);
        if (membership.map(StaffMembership::left).orElse(false)) {
            return EnumSet.noneOf(Operation.class);
        }
        Set<Role> roles = membership.map(StaffMembership::roles).orElse(Set.of());
        if (!roles.contains(Role.ADMIN)) {
            operations.remove(Operation.CLIENTS_WRITE);
        }
        if (!roles.contains(Role.ADMIN) && !roles.contains(Role.AUDITOR)) {
            operations.remove(Operation.AUDIT_READ);
        }
        // the consortium's roles count in the default institution only, the one that runs the engine
        boolean ofTheDefault = InstitutionScope.prefixOf(person.value()).isEmpty();
        if (!ofTheDefault || !roles.contains(Role.CONSORTIUM_ADMIN)) {
            operations.remove(Operation.CONSORTIUM_WRITE);
        }
        if (!ofTheDefault || !roles.contains(Role.CONSORTIUM_ADMIN) && !roles.contains(Role.CONSORTIUM_ANALYST)) {
            operations.remove(Operation.CONSORTIUM_READ);
        }
        return operations;
    }

    /** What a command carries about its sender, for the events it causes. */
    public Map<String, String> metaData() {
        Caller caller = current();
        return Map.of(
                MessageMetaData.CLIENT,
                caller.clientId().value(),
                MessageMetaData.INSTITUTION,
                caller.institution().value());
    }

    private boolean actsForUnitOf(Caller caller, StaffId person) {
        return directory
                .find(person)
                .map(StaffMembership::unit)
                .filter(caller.actsForUnits()::contains)
                .isPresent();
    }
}
