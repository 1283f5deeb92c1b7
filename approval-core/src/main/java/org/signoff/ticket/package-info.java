/**
 * The sign-off ticket: the six-step process as one event-sourced aggregate per staff member, job and variant.
 * {@code SignOffTicket} holds the steps in the order of the process table; {@code TicketDeadlines} its waits,
 * reminders and limits; {@code SignOffTerm} the sign-off's life after approval; {@code ProductionRolesInAlma} the
 * production roles the engine added in Alma, until taken back. The helpers are plain objects the ticket owns and
 * rebuilds from its events; every handler Axon calls is declared on the ticket. Steps 3 and 6 through Alma, and the
 * take-back, are asked first by a command that records nothing ({@code Check…}), so Alma is written only for a step
 * the ticket takes.
 */
package org.signoff.ticket;
