package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** Step 5: a systems librarian other than the requester signs off production use. A null {@code roleUpdateNeeded} takes the job's usual answer. */
public record ApproveProductionUse(
        @TargetAggregateIdentifier TicketId ticketId,
        Boolean roleUpdateNeeded,
        String comment,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    /** Whatever version the ticket is at. */
    public ApproveProductionUse(TicketId ticketId, Boolean roleUpdateNeeded, String comment, StaffId performedBy) {
        this(ticketId, roleUpdateNeeded, comment, performedBy, null);
    }
}
