package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.staff.api.StaffId;

/** A step waited past its limit: the wait goes to the systems librarians. The ticket still waits on the step. */
public record TicketEscalated(TicketId ticketId, TicketStatus waitingOn, Instant waitingSince) implements TicketEvent {

    /** The engine's own doing: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
