package org.signoff.ticket.api;

import java.time.Instant;

import org.signoff.staff.api.StaffId;

/**
 * A step waited past its reminder: whoever must act on it is reminded (a notification tells the ticket system), and
 * the wait's limit is scheduled.
 *
 * @param limitId the scheduler's id of the limit's deadline, kept so it can be cancelled when the step is done
 */
public record ReminderIssued(TicketId ticketId, TicketStatus waitingOn, Instant waitingSince, String limitId)
        implements TicketEvent {

    /** The engine's own doing: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
