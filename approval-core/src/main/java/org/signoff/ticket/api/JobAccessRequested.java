package org.signoff.ticket.api;

import java.util.List;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

/**
 * Step 2: the requester asked for the job under a support ticket.
 *
 * @param training the classes the job required when asked, each with the day the requester attended it (empty in
 *     events from before training was recorded)
 */
public record JobAccessRequested(
        TicketId ticketId,
        String supportTicketRef,
        @FreeText String note,
        StaffId performedBy,
        List<AttendedClass> training)
        implements TicketEvent {

    public JobAccessRequested {
        training = training == null ? List.of() : List.copyOf(training);
    }

    /** A request for a job that required no class. */
    public JobAccessRequested(TicketId ticketId, String supportTicketRef, String note, StaffId performedBy) {
        this(ticketId, supportTicketRef, note, performedBy, List.of());
    }
}
