package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.staff.api.StaffId;

/**
 * The engine's note, with an approval (or a recertification) on a job whose sign-offs expire: until when the
 * sign-off lasts, and when the job's systems librarians are asked to recertify it.
 */
public record SignOffValidUntil(TicketId ticketId, Instant until, Instant recertificationDueAt) implements TicketEvent {

    /** The engine's own note: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
