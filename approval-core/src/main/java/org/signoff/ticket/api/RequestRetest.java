package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 5: the reviewer sends the ticket back to step 4. */
public record RequestRetest(@TargetAggregateIdentifier TicketId ticketId, String reason, StaffId performedBy) {
}
