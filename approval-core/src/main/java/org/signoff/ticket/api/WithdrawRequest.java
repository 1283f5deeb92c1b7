package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** The requester gives up before completion. */
public record WithdrawRequest(@TargetAggregateIdentifier TicketId ticketId, String reason, StaffId performedBy) {}
