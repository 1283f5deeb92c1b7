package org.signoff.ticket.api;

import java.util.List;

import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.staff.api.StaffId;

/**
 * The requester did not confirm the new versions of these readings in time: the person leaves the master list until
 * they do. The sign-off is not ended; confirming reinstates it.
 */
public record ProductionUseSuspended(
        TicketId ticketId, StaffId staffId, JobId jobId, String variant, List<RequiredReading> unconfirmed)
        implements TicketEvent {

    /** The engine's deadline: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
