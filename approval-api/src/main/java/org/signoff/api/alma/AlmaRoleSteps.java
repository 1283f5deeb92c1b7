package org.signoff.api.alma;

import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.IfMatch;
import org.signoff.catalog.api.AlmaRole;
import org.signoff.common.Rejection;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.AlmaRolesToApply;
import org.signoff.ticket.api.CheckProductionRoleUpdateInAlma;
import org.signoff.ticket.api.CheckSandboxGrantInAlma;
import org.signoff.ticket.api.ConfirmProductionRoleUpdate;
import org.signoff.ticket.api.GrantSandboxAccess;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/**
 * Steps 3 and 6 taken through Alma: the job's roles added to the requester's user in the Sandbox (the grant) or in
 * production (the role update). Each goes in this order: the ticket is asked whether the step may be taken now, by
 * its own rules, recording nothing; the user is read and the roles added in Alma (a dry run stops here and answers
 * the roles before and after); then the step is sent with the roles Alma added. So Alma is never written for a
 * step the ticket refuses, and a step Alma refused is never recorded. The same steps by hand stay open beside these.
 */
@RestController
@RequestMapping("/tickets/{ticketId}")
class AlmaRoleSteps {

    private static final Logger log = LoggerFactory.getLogger(AlmaRoleSteps.class);

    private final Commands commands;
    private final AlmaConnections connections;
    private final PersonalDataVault people;

    AlmaRoleSteps(Commands commands, AlmaConnections connections, PersonalDataVault people) {
        this.commands = commands;
        this.connections = connections;
        this.people = people;
    }

    /** Step 3 through Alma: the job's Sandbox roles on the requester's Sandbox user, then the grant. */
    @Operation(
            summary =
                    "Step 3 through Alma: the job's Sandbox roles added to the requester's Sandbox user, then the grant",
            description = "By the grant's rules (checked before Alma is read). dryRun true answers the roles before and"
                    + " after and writes nothing; false adds them and records the grant with the roles added. 409"
                    + " ALMA_NOT_CONFIGURED without a Sandbox connection; 422 ALMA_ROLES_NOT_SET (the job names no"
                    + " Sandbox roles) or ALMA_PRIMARY_ID_NOT_SET (the requester has no Alma login). The grant by hand"
                    + " stays open: POST /tickets/{ticketId}/sandbox-grant.")
    @PostMapping("/sandbox-grant/alma")
    AlmaRoleStepResult grantSandbox(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody AlmaRoleStepRequests.SandboxGrant body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        StaffId performer = commands.performer(body.performedBy());
        Long version = IfMatch.versionOf(ifMatch);
        return step(
                ticketId,
                new CheckSandboxGrantInAlma(ticketId, performer, version),
                AlmaEnvironment.SANDBOX,
                "grant by hand: POST /tickets/" + ticketId + "/sandbox-grant",
                body.dryRun(),
                added -> new GrantSandboxAccess(ticketId, body.trainingMaterials(), performer, added, version));
    }

    /** Step 6 through Alma: the job's production roles on the requester's production user, then the update. */
    @Operation(
            summary = "Step 6 through Alma: the job's production roles added to the requester's production user, then"
                    + " the role update",
            description = "By the role update's rules (checked before Alma is read). dryRun true answers the roles"
                    + " before and after and writes nothing; false adds them and records the update with the roles"
                    + " added. 409 ALMA_NOT_CONFIGURED without a production connection; 422 ALMA_ROLES_NOT_SET or"
                    + " ALMA_PRIMARY_ID_NOT_SET. With Alma down the update by hand stays open: POST"
                    + " /tickets/{ticketId}/role-update, recorded as not applied through the engine.")
    @PostMapping("/role-update/alma")
    AlmaRoleStepResult confirmRoleUpdate(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody AlmaRoleStepRequests.RoleUpdate body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        StaffId performer = commands.performer(body.performedBy());
        Long version = IfMatch.versionOf(ifMatch);
        return step(
                ticketId,
                new CheckProductionRoleUpdateInAlma(ticketId, performer, version),
                AlmaEnvironment.PRODUCTION,
                "confirm the update by hand: POST /tickets/" + ticketId + "/role-update",
                body.dryRun(),
                added -> new ConfirmProductionRoleUpdate(ticketId, body.note(), performer, added, version));
    }

    private AlmaRoleStepResult step(
            TicketId ticketId,
            Object check,
            AlmaEnvironment environment,
            String byHand,
            boolean dryRun,
            Function<List<AlmaRole>, Object> stepWithRolesAdded) {
        AlmaRolesToApply plan = commands.sendUnremembered(Rejection.UNKNOWN_TICKET, "ticket", ticketId, check);
        AlmaConnection alma = connections
                .ofKey(ticketId.value(), environment)
                .orElseThrow(() -> new AlmaNotConfigured(environment, byHand));
        if (plan.roles().isEmpty()) {
            throw AlmaRolesNotSet.noRoles(plan.jobId().value(), environment, byHand);
        }
        String primaryId = people.almaPrimaryIdOf(plan.requester())
                .orElseThrow(() -> AlmaRolesNotSet.noPrimaryId(environment, byHand));
        List<AlmaUser.Role> roles =
                plan.roles().stream().map(CatalogRoles::inAlma).toList();
        AlmaRoleChange change = alma.addRoles(primaryId, roles, dryRun);
        if (dryRun) {
            return AlmaRoleStepResult.of(ticketId, plan.status(), true, environment, change);
        }
        List<AlmaRole> added =
                change.added().stream().map(CatalogRoles::inCatalog).toList();
        TicketStatus status;
        try {
            status = commands.sendUnremembered(
                    Rejection.UNKNOWN_TICKET, "ticket", ticketId, stepWithRolesAdded.apply(added));
        } catch (RuntimeException refused) {
            takeBack(alma, primaryId, change, ticketId);
            throw refused;
        }
        return AlmaRoleStepResult.of(ticketId, status, false, environment, change);
    }

    /**
     * The ticket moved on between its check and the step (another caller's step, a withdrawal, in that moment): the
     * roles just added to Alma are taken again, so Alma holds no role the history does not show. If Alma fails now,
     * the log says which ticket to look at (not whose user: the primary id is personal data).
     */
    private static void takeBack(AlmaConnection alma, String primaryId, AlmaRoleChange change, TicketId ticketId) {
        if (!change.written() || change.added().isEmpty()) {
            return;
        }
        try {
            alma.removeRoles(primaryId, change.added(), false);
        } catch (RuntimeException failed) {
            log.warn(
                    "Ticket {} refused its step after Alma ({}) was given its roles, and taking them back failed: {}",
                    ticketId,
                    alma.environment().label(),
                    failed.getMessage());
        }
    }
}
