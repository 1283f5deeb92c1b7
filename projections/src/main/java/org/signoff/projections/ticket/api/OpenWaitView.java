package org.signoff.projections.ticket.api;

import java.time.Instant;

/**
 * A ticket waiting on a step, with the deadlines the engine set for this wait.
 *
 * @param ticket   the ticket and its step, as a work queue lists it
 * @param unit     the requester's unit: a role request waits on its liaison
 * @param remindAt when whoever must act is reminded; null while the engine has set no deadline for this wait
 * @param limitAt  when the wait is escalated to the systems librarians (a Sandbox grant expires instead)
 */
public record OpenWaitView(WaitingView ticket, String unit, Instant remindAt, Instant limitAt) {}
