/**
 * The sign-off ticket: the six-step process as one event-sourced aggregate per staff member, job and variant.
 * {@code SignOffTicket} holds the steps in the order of the process table; {@code TicketDeadlines} its waits,
 * reminders and limits; {@code SignOffTerm} the sign-off's life after approval. Both helpers are plain objects the
 * ticket owns and rebuilds from its events; every handler Axon calls is declared on the ticket.
 */
package org.signoff.ticket;
