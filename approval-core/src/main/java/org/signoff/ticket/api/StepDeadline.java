package org.signoff.ticket.api;

/**
 * What a ticket's deadline carries: the wait it was set for. A deadline of an earlier wait is stale and does
 * nothing, should it fire after all.
 */
public record StepDeadline(int waitNumber) {}
