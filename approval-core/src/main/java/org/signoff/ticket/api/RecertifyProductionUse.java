package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** A systems librarian recertifies a sign-off of a job whose sign-offs expire: it lasts a full period again. */
public record RecertifyProductionUse(
        @TargetAggregateIdentifier TicketId ticketId,
        String reason,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {

    public RecertifyProductionUse(TicketId ticketId, String reason, StaffId performedBy) {
        this(ticketId, reason, performedBy, null);
    }
}
