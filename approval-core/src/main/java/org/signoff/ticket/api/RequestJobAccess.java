package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** Step 2: the requester asks for the job, once every required reading is confirmed. */
public record RequestJobAccess(
        @TargetAggregateIdentifier TicketId ticketId,
        String supportTicketRef,
        String note,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    /** Whatever version the ticket is at. */
    public RequestJobAccess(TicketId ticketId, String supportTicketRef, String note, StaffId performedBy) {
        this(ticketId, supportTicketRef, note, performedBy, null);
    }
}
