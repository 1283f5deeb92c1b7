package org.signoff.ticket.api;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;

/** The first event of a ticket (a {@link TicketEvent}): whose it is, for which job and variant. */
public interface TicketOpened {

    TicketId ticketId();

    StaffId staffId();

    JobId jobId();

    String variant();
}
