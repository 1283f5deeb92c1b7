package org.signoff.projections.ticket.api;

import java.time.Duration;
import java.time.Instant;

import org.signoff.ticket.api.NextActor;
import org.signoff.ticket.api.TicketStatus;

/**
 * A ticket waiting on a step.
 *
 * @param staffId      the requester
 * @param waitingOn    who must act: the role
 * @param waitingSince when the ticket reached the step
 * @param age          how long it has waited, when asked
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
        Duration age) {}
