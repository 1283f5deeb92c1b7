package org.signoff.api.alma;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.AlmaRolesToTakeBack;
import org.signoff.ticket.api.CheckProductionRolesTakeBack;
import org.signoff.ticket.api.TakeBackProductionRoles;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/**
 * Taking back the production roles the engine added for a sign-off that ended, in the order of the steps through
 * Alma: the ticket asked first (nothing recorded), Alma written (not for a dry run), then the take-back recorded
 * with what Alma removed and what was kept for another of the person's tickets. By the support team's request, or by
 * the engine ({@link AutomaticTakeBack}).
 */
@Component
class ProductionRoleTakeBacks {

    private static final Logger log = LoggerFactory.getLogger(ProductionRoleTakeBacks.class);

    /** How a command reaches the ticket: as a caller's request, or as the engine's own. */
    interface Sender {
        <R> R send(Object command);
    }

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

    private final AlmaConnections connections;
    private final PersonalDataVault people;

    ProductionRoleTakeBacks(AlmaConnections connections, PersonalDataVault people) {
        this.connections = connections;
        this.people = people;
    }

    /** {@code performer} null: the engine; {@code version} null: whatever version the ticket is at. */
    Result takeBack(TicketId ticketId, StaffId performer, boolean dryRun, Long version, Sender sender) {
        AlmaRolesToTakeBack plan = sender.send(new CheckProductionRolesTakeBack(ticketId, performer, version));
        AlmaEnvironment production = AlmaEnvironment.PRODUCTION;
        String instead = "take the roles back in Alma by hand";
        AlmaConnection alma = connections
                .ofKey(ticketId.value(), production)
                .orElseThrow(() -> new AlmaNotConfigured(production, instead));
        String primaryId = people.almaPrimaryIdOf(plan.requester())
                .orElseThrow(() -> AlmaRolesNotSet.noPrimaryId(production, instead));
        List<AlmaUser.Role> roles =
                plan.toRemove().stream().map(CatalogRoles::inAlma).toList();
        AlmaRoleChange change = alma.removeRoles(primaryId, roles, dryRun);
        if (!dryRun) {
            List<AlmaRole> removed =
                    change.removed().stream().map(CatalogRoles::inCatalog).toList();
            try {
                sender.send(new TakeBackProductionRoles(ticketId, removed, plan.toKeep(), performer, version));
            } catch (RuntimeException refused) {
                giveBack(alma, primaryId, change, ticketId);
                throw refused;
            }
        }
        return new Result(
                ticketId,
                plan.status(),
                dryRun,
                !dryRun,
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
