package org.signoff.ticket.api;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;

/** A ticket was opened: {@code staffId} asks for sign-off on the job (and variant). */
public record SignOffStarted(TicketId ticketId, StaffId staffId, JobId jobId, String variant)
        implements TicketEvent, TicketOpened {

    /** The requester opens their own ticket. */
    @Override
    public StaffId performedBy() {
        return staffId;
    }
}
