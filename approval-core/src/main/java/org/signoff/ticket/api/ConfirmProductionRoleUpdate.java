package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** Step 6: the support team has updated production permissions; the ticket completes. */
public record ConfirmProductionRoleUpdate(
        @TargetAggregateIdentifier TicketId ticketId,
        String note,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    /** Whatever version the ticket is at. */
    public ConfirmProductionRoleUpdate(TicketId ticketId, String note, StaffId performedBy) {
        this(ticketId, note, performedBy, null);
    }
}
