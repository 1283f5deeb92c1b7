package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** Step 1: the requester confirms having read one required document at its current version. */
public record ConfirmReading(
        @TargetAggregateIdentifier TicketId ticketId,
        String documentId,
        String version,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    /** Whatever version the ticket is at. */
    public ConfirmReading(TicketId ticketId, String documentId, String version, StaffId performedBy) {
        this(ticketId, documentId, version, performedBy, null);
    }
}
