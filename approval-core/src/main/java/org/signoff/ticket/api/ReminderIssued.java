package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.staff.api.StaffId;

/** A step waited past its reminder: whoever must act on it is reminded (a notification tells the ticket system). */
public record ReminderIssued(TicketId ticketId, TicketStatus waitingOn, Instant waitingSince) implements TicketEvent {

    /** The engine's own doing: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
