package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A systems librarian takes production use back; the person leaves the master list. */
public record RevokeProductionUse(@TargetAggregateIdentifier TicketId ticketId, String reason, StaffId performedBy) {
}
