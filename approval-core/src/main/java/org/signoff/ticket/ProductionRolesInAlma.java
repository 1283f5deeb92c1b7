package org.signoff.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.catalog.api.JobId;
import org.signoff.common.Rejection;
import org.signoff.lookup.CatalogEntry;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.TicketSlots;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.AlmaRolesToTakeBack;
import org.signoff.ticket.api.CheckProductionRolesTakeBack;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionRolesTakenBack;
import org.signoff.ticket.api.TakeBackProductionRoles;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/**
 * The production roles the engine added to the requester's user in Alma for this ticket (step 6 through Alma), and
 * their taking back once the sign-off has ended: by the support team (or the engine, where configured), but the roles
 * another of the person's tickets needs. A suspended sign-off keeps them: it comes back on a confirmed reading, without a new step 6.
 */
final class ProductionRolesInAlma {

    private final SignOffTicket ticket;

    /** the roles the engine added and has not taken back */
    private List<AlmaRole> held = List.of();

    ProductionRolesInAlma(SignOffTicket ticket) {
        this.ticket = ticket;
    }

    AlmaRolesToTakeBack check(
            CheckProductionRolesTakeBack command, StaffDirectory directory, JobCatalog catalog, TicketSlots slots) {
        requireTakeBack(directory, command.performedBy());
        List<AlmaRole> keep = stillNeeded(catalog, slots);
        List<AlmaRole> remove = new ArrayList<>(held);
        remove.removeAll(keep);
        return new AlmaRolesToTakeBack(ticket.requester(), ticket.status(), remove, keep);
    }

    void takeBack(TakeBackProductionRoles command, StaffDirectory directory) {
        requireTakeBack(directory, command.performedBy());
        apply(new ProductionRolesTakenBack(
                ticket.ticketId(), command.rolesRemoved(), command.rolesKept(), command.performedBy()));
    }

    /** The support team, or nobody: the engine itself, where the take-back is automatic. */
    private void requireTakeBack(StaffDirectory directory, StaffId performer) {
        if (performer != null) {
            Performers.withAnyRole(directory, performer, Role.SUPPORT_TEAM);
        }
        TicketStatus status = ticket.status();
        if (status != TicketStatus.REVOKED && status != TicketStatus.LAPSED && status != TicketStatus.REQUESTER_LEFT) {
            throw Rejection.STEP_OUT_OF_ORDER.because("Cannot take production roles back on ticket " + ticket.ticketId()
                    + ": it is " + status + "; only a sign-off revoked, lapsed or ended by a departure gives them up");
        }
        if (held.isEmpty()) {
            throw Rejection.STEP_OUT_OF_ORDER.because(
                    "Ticket " + ticket.ticketId() + " holds no production role the engine added in Alma");
        }
    }

    /** The held roles that the jobs of the person's other tickets holding a place need in production. */
    private List<AlmaRole> stillNeeded(JobCatalog catalog, TicketSlots slots) {
        Set<AlmaRole> needed = new LinkedHashSet<>();
        for (Map.Entry<TicketId, JobId> other :
                slots.jobsHeldBy(ticket.requester()).entrySet()) {
            if (!other.getKey().equals(ticket.ticketId())) {
                catalog.find(other.getValue())
                        .map(CatalogEntry::almaSide)
                        .ifPresent(side -> needed.addAll(side.productionRoles()));
            }
        }
        return held.stream().filter(needed::contains).toList();
    }

    void on(ProductionRoleUpdated event) {
        held = event.almaRolesAdded() == null ? List.of() : List.copyOf(event.almaRolesAdded());
    }

    void on(ProductionRolesTakenBack event) {
        held = List.copyOf(event.rolesKept());
    }
}
