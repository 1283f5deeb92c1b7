package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The requester gives up before completion. */
public record WithdrawRequest(@TargetAggregateIdentifier TicketId ticketId, String reason, StaffId performedBy) {
}
