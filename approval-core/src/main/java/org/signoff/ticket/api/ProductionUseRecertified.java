package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

/**
 * A systems librarian vouched for the sign-off again: it lasts until {@code until}, or, for a job whose sign-offs do
 * not expire (asked by a campaign), for as long as before ({@code until} {@code null}).
 */
public record ProductionUseRecertified(
        TicketId ticketId, Instant until, @FreeText String reason, StaffId performedBy) implements TicketEvent {}
