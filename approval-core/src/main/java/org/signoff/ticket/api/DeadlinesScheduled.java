package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.staff.api.StaffId;

/**
 * The ticket started waiting on a step, and the engine set its deadlines: the record an auditor reads to see when
 * whoever had to act was due. One deadline is scheduled at a time: the reminder now (its id is the scheduler's, kept
 * so it can be cancelled when nobody counts on it), the limit when the reminder goes out. A reminder id equal to the
 * previous wait's says this wait counts on that reminder, which comes due first: when it fires, it reminds this wait
 * if due, or sets this wait's own reminder.
 *
 * @param waitNumber the ticket's count of waits, which a deadline names to tell it is still the current one
 */
public record DeadlinesScheduled(
        TicketId ticketId,
        TicketStatus waitingOn,
        int waitNumber,
        Instant since,
        Instant remindAt,
        Instant limitAt,
        String reminderId)
        implements TicketEvent {

    /** The engine's own doing: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
