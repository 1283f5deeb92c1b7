package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** A systems librarian takes production use back; the person leaves the master list. */
public record RevokeProductionUse(
        @TargetAggregateIdentifier TicketId ticketId,
        String reason,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    /** Whatever version the ticket is at. */
    public RevokeProductionUse(TicketId ticketId, String reason, StaffId performedBy) {
        this(ticketId, reason, performedBy, null);
    }
}
