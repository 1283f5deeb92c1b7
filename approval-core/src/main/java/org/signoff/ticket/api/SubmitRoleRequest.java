package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import org.signoff.staff.api.StaffId;

/** Step 6: the liaison of the requester's unit submits the role request form. */
public record SubmitRoleRequest(
        @TargetAggregateIdentifier TicketId ticketId,
        String formRef,
        StaffId performedBy,
        @TargetAggregateVersion Long expectedVersion) {
    /** Whatever version the ticket is at. */
    public SubmitRoleRequest(TicketId ticketId, String formRef, StaffId performedBy) {
        this(ticketId, formRef, performedBy, null);
    }
}
