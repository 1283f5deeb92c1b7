package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.staff.api.StaffId;

/**
 * No Sandbox test was reported within the limit: the grant lapses, and the ticket waits for a new one before the
 * requester may report a test.
 */
public record SandboxAccessExpired(TicketId ticketId, Instant waitingSince) implements TicketEvent {

    /** The engine's own doing: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
