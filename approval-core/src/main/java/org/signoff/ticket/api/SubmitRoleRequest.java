package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 6: the liaison of the requester's unit submits the role request form. */
public record SubmitRoleRequest(@TargetAggregateIdentifier TicketId ticketId, String formRef, StaffId performedBy) {
}
