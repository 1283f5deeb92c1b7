package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** The requester left: their ticket ends, open or signed off, as part of the administrator's record of it. */
public record EndForDeparture(@TargetAggregateIdentifier TicketId ticketId, String reason, StaffId performedBy) {}
