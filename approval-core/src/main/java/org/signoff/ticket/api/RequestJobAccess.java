package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** Step 2: the requester asks for the job, once every required reading is confirmed. */
public record RequestJobAccess(
        @TargetAggregateIdentifier TicketId ticketId, String supportTicketRef, String note, StaffId performedBy) {}
