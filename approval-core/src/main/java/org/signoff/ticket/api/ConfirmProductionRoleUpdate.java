package org.signoff.ticket.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.staff.api.StaffId;

/**
 * Step 6: the support team has updated production permissions; the ticket completes.
 *
 * @param almaRolesAdded the roles added to the requester's production user in Alma just before, or null for an
 *                       update made by hand
 */
public record ConfirmProductionRoleUpdate(
        @TargetAggregateIdentifier TicketId ticketId,
        String note,
        StaffId performedBy,
        List<AlmaRole> almaRolesAdded,
        @TargetAggregateVersion Long expectedVersion) {
    public ConfirmProductionRoleUpdate {
        almaRolesAdded = almaRolesAdded == null ? null : List.copyOf(almaRolesAdded);
    }

    /** An update made by hand, decided on this version of the ticket. */
    public ConfirmProductionRoleUpdate(TicketId ticketId, String note, StaffId performedBy, Long expectedVersion) {
        this(ticketId, note, performedBy, null, expectedVersion);
    }

    /** An update made by hand, whatever version the ticket is at. */
    public ConfirmProductionRoleUpdate(TicketId ticketId, String note, StaffId performedBy) {
        this(ticketId, note, performedBy, null, null);
    }
}
