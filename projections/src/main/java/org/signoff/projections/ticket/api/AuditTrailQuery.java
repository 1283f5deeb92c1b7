package org.signoff.projections.ticket.api;

import java.time.Instant;

/**
 * The steps of every ticket that concerns a person (those they took, and those taken on their own tickets) or a
 * job, in the order they happened: time, then ticket, then the ticket's own order. A page starts after the entry
 * given by {@code afterOccurredAt}, {@code afterTicketId} and {@code afterSequence} (all {@code null} for the
 * first).
 *
 * @param staffId a person, or {@code null} when asking for a job
 * @param jobId a job, or {@code null} when asking for a person
 */
public record AuditTrailQuery(
        String staffId, String jobId, Instant afterOccurredAt, String afterTicketId, Long afterSequence, int limit) {

    public static AuditTrailQuery ofPerson(
            String staffId, Instant afterOccurredAt, String afterTicketId, Long afterSequence, int limit) {
        return new AuditTrailQuery(staffId, null, afterOccurredAt, afterTicketId, afterSequence, limit);
    }

    public static AuditTrailQuery ofJob(
            String jobId, Instant afterOccurredAt, String afterTicketId, Long afterSequence, int limit) {
        return new AuditTrailQuery(null, jobId, afterOccurredAt, afterTicketId, afterSequence, limit);
    }
}
