package org.signoff.lookup;

import java.time.Duration;
import java.util.Optional;

import org.signoff.catalog.api.JobId;
import org.signoff.ticket.api.TicketStatus;

/**
 * How long a ticket may wait on a step before someone is reminded, and before the wait is escalated (or, for a
 * Sandbox grant, expires). Configured per job and step, with defaults; empty for a step nobody set a limit for.
 */
public interface DeadlinePolicy {

    Optional<WaitLimits> limitsFor(JobId jobId, TicketStatus waitingOn);

    /**
     * How long before a sign-off of a job whose sign-offs expire lapses its systems librarians are asked to
     * recertify it. Each of these is the job's institution's: its key names it.
     */
    default Duration recertificationLead(JobId jobId) {
        return Duration.ofDays(30);
    }

    /**
     * How far ahead a step's reminder must still be for the next wait to count on it: one due sooner may be firing
     * already (on a node whose clock runs ahead, say), and the next wait gets one of its own.
     */
    default Duration reminderPassOnMargin(JobId jobId) {
        return Duration.ofMinutes(5);
    }

    /** How long the holder of a sign-off has to confirm a new version of a required reading before it is suspended. */
    default Duration reattestationPeriod(JobId jobId) {
        return Duration.ofDays(30);
    }
}
