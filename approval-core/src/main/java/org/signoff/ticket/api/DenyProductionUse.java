package org.signoff.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** Step 5: the reviewer refuses production use; the ticket ends. */
public record DenyProductionUse(@TargetAggregateIdentifier TicketId ticketId, String reason, StaffId performedBy) {}
