package org.signoff.ticket.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.staff.api.StaffId;

/**
 * The support team took the production roles the engine had added back from the requester's user in Alma, once the
 * sign-off ended: what Alma removed, and what was kept for another of the person's tickets.
 * {@code performedBy} null: the engine itself, where the take-back is automatic.
 */
public record TakeBackProductionRoles(
        @TargetAggregateIdentifier TicketId ticketId,
        List<AlmaRole> rolesRemoved,
        List<AlmaRole> rolesKept,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    public TakeBackProductionRoles {
        rolesRemoved = List.copyOf(rolesRemoved);
        rolesKept = List.copyOf(rolesKept);
    }
}
