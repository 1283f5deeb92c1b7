package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.staff.api.StaffId;

/** A systems librarian vouched for the sign-off again: it lasts until {@code until}. */
public record ProductionUseRecertified(TicketId ticketId, Instant until, String reason, StaffId performedBy)
        implements TicketEvent {}
