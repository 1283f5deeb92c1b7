package org.signoff.api.alma;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.Identifier;
import org.signoff.api.ticket.IfMatch;
import org.signoff.catalog.api.AlmaRole;
import org.signoff.common.Rejection;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.AlmaRolesToTakeBack;
import org.signoff.ticket.api.CheckProductionRolesTakeBack;
import org.signoff.ticket.api.TakeBackProductionRoles;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/**
 * The support team's task once a sign-off ended (revoked, lapsed, the requester left): the production roles the
 * engine added for it in step 6 are taken from the requester's production user, but those another of the person's
 * tickets needs. The order of the steps through Alma: the ticket asked first (nothing recorded), Alma written (not
 * for a dry run), then the take-back recorded with what Alma removed and what was kept.
 */
@RestController
class AlmaRoleTakeBack {

    private static final Logger log = LoggerFactory.getLogger(AlmaRoleTakeBack.class);

    private final Commands commands;
    private final AlmaConnections connections;
    private final PersonalDataVault people;

    AlmaRoleTakeBack(Commands commands, AlmaConnections connections, PersonalDataVault people) {
        this.commands = commands;
        this.connections = connections;
        this.people = people;
    }

    /** {@code dryRun} must be said, as for the steps: a forgotten one would write to Alma. */
    record Body(@Identifier String performedBy, @NotNull Boolean dryRun) {}

    /**
     * @param removed the roles taken from the user (a dry run: that would be)
     * @param kept    the roles the engine added that another ticket of the person's needs: they stay
     */
    record Result(
            TicketId ticketId,
            TicketStatus status,
            boolean dryRun,
            boolean recorded,
            String environment,
            List<AlmaUser.Role> before,
            List<AlmaUser.Role> after,
            List<AlmaUser.Role> removed,
            List<AlmaRole> kept) {}

    @Operation(
            summary = "Once a sign-off ended: the production roles the engine added taken back from the requester's"
                    + " production user, but those another of their tickets needs",
            description = "The support team, on a ticket revoked, lapsed or ended by a departure whose step 6 went"
                    + " through Alma (else 409 STEP_OUT_OF_ORDER). dryRun true lists what would be removed and kept"
                    + " and writes nothing; false removes them and records ProductionRolesTakenBack. 409"
                    + " ALMA_NOT_CONFIGURED without a production connection; 422 ALMA_PRIMARY_ID_NOT_SET.")
    @PostMapping("/tickets/{ticketId}/production-roles/take-back")
    Result takeBack(
            @PathVariable TicketId ticketId,
            @Valid @RequestBody Body body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
        StaffId performer = commands.performer(body.performedBy());
        Long version = ifMatch == null ? null : ifMatch.version();
        AlmaRolesToTakeBack plan = commands.sendUnremembered(
                Rejection.UNKNOWN_TICKET,
                "ticket",
                ticketId,
                new CheckProductionRolesTakeBack(ticketId, performer, version));
        AlmaEnvironment production = AlmaEnvironment.PRODUCTION;
        String byHand = "in Alma, by hand";
        AlmaConnection alma = connections.of(production).orElseThrow(() -> new AlmaNotConfigured(production, byHand));
        String primaryId = people.almaPrimaryIdOf(plan.requester())
                .orElseThrow(() -> AlmaRolesNotSet.noPrimaryId(production, byHand));
        List<AlmaUser.Role> roles =
                plan.toRemove().stream().map(CatalogRoles::inAlma).toList();
        AlmaRoleChange change = alma.removeRoles(primaryId, roles, body.dryRun());
        if (!body.dryRun()) {
            List<AlmaRole> removed =
                    change.removed().stream().map(CatalogRoles::inCatalog).toList();
            try {
                commands.sendUnremembered(
                        Rejection.UNKNOWN_TICKET,
                        "ticket",
                        ticketId,
                        new TakeBackProductionRoles(ticketId, removed, plan.toKeep(), performer, version));
            } catch (RuntimeException refused) {
                giveBack(alma, primaryId, change, ticketId);
                throw refused;
            }
        }
        return new Result(
                ticketId,
                plan.status(),
                body.dryRun(),
                !body.dryRun(),
                production.label(),
                change.before(),
                change.after(),
                change.removed(),
                plan.toKeep());
    }

    /** The take-back was refused after Alma removed the roles (the ticket moved on meanwhile): they go back. */
    private static void giveBack(AlmaConnection alma, String primaryId, AlmaRoleChange change, TicketId ticketId) {
        if (!change.written() || change.removed().isEmpty()) {
            return;
        }
        try {
            alma.addRoles(primaryId, change.removed(), false);
        } catch (RuntimeException failed) {
            log.warn(
                    "Ticket {} refused its take-back after Alma ({}) removed its roles, and giving them back failed: {}",
                    ticketId,
                    alma.environment().label(),
                    failed.getMessage());
        }
    }
}
