package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** Step 5: the reviewer refuses production use; the ticket ends. */
public record DenyProductionUse(
        @TargetAggregateIdentifier TicketId ticketId,
        String reason,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    /** Whatever version the ticket is at. */
    public DenyProductionUse(TicketId ticketId, String reason, StaffId performedBy) {
        this(ticketId, reason, performedBy, null);
    }
}
