package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;

/**
 * The sign-off lapses at {@code until} unless a systems librarian recertifies it (or revokes it first): the engine
 * asks, on the job's recertification deadline.
 */
public record RecertificationRequested(TicketId ticketId, StaffId staffId, JobId jobId, Instant until)
        implements TicketEvent {

    /** The engine asks: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
