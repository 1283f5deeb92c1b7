package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;

/** Nobody recertified the sign-off before {@code until}: the person leaves the master list. */
public record ProductionUseLapsed(TicketId ticketId, StaffId staffId, JobId jobId, String variant, Instant until)
        implements TicketEvent {

    /** The engine's deadline: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
