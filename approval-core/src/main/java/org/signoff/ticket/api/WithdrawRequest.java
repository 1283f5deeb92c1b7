package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** The requester gives up before completion. */
public record WithdrawRequest(
        @TargetAggregateIdentifier TicketId ticketId,
        String reason,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    /** Whatever version the ticket is at. */
    public WithdrawRequest(TicketId ticketId, String reason, StaffId performedBy) {
        this(ticketId, reason, performedBy, null);
    }
}
