package org.signoff.projections.ticket.api;

import org.signoff.ticket.api.TicketStatus;

/** Tickets, oldest change first; only those at {@code status} when it is not null. */
public record ListTicketsQuery(TicketStatus status) {
}
