package org.signoff.ticket.api;

import java.time.Instant;
import java.util.List;

/**
 * A job run in Alma's Sandbox as Alma answered for it ({@code /conf/jobs/{job_id}/instances/{instance_id}}): the
 * facts of a test that were verified in Alma rather than typed. Who ran it is checked against the requester when the
 * test is reported, and not kept: their Alma login is personal data.
 *
 * @param almaJobId  the Alma job it is an instance of
 * @param instanceId the instance id (Monitor Jobs' "Process ID")
 * @param status     Alma's status code, e.g. {@code COMPLETED_SUCCESS}, {@code COMPLETED_WITH_ERRORS}, {@code FAILED}
 * @param startedAt  when it started
 * @param endedAt    when it ended ({@code null}: still running)
 * @param counters   its counters as Alma names them (records processed, succeeded, failed…)
 */
public record SandboxRun(
        String almaJobId,
        String instanceId,
        String status,
        Instant startedAt,
        Instant endedAt,
        List<Counter> counters) {

    public SandboxRun {
        counters = counters == null ? List.of() : List.copyOf(counters);
    }

    /** A counter: Alma's code for it, its description, its value. */
    public record Counter(String type, String description, long value) {}
}
