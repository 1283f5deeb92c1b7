package org.signoff.projections.ticket.api;

/** One ticket with its whole history; answers an empty Optional for an unknown ticket. */
public record FindTicketQuery(String ticketId) {}
