package org.signoff.projections.ticket.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.signoff.ticket.api.NextActor;
import org.signoff.ticket.api.TicketStatus;

/**
 * A ticket waiting on a step.
 *
 * @param staffId      the requester
 * @param waitingOn    who must act: the role
 * @param waitingSince when the ticket reached the step
 * @param age          how long it has waited, when asked
 * @param classesToAttend for a ticket still reading: the classes its job requires (those of every job first) that
 *                     the requester has not attended, each "attend class X" before the request can be made; else empty
 */
public record WaitingView(
        String ticketId,
        String staffId,
        String jobId,
        String jobName,
        String scope,
        String variant,
        TicketStatus status,
        int step,
        NextActor waitingOn,
        Instant waitingSince,
        Duration age,
        List<ClassToAttend> classesToAttend) {

    public WaitingView {
        classesToAttend = classesToAttend == null ? List.of() : List.copyOf(classesToAttend);
    }

    /** The same wait, with what the requester has to attend. */
    public WaitingView withClassesToAttend(List<ClassToAttend> classes) {
        return new WaitingView(
                ticketId, staffId, jobId, jobName, scope, variant, status, step, waitingOn, waitingSince, age, classes);
    }
}
