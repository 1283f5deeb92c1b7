package org.signoff.api.alma;

import java.time.Instant;
import java.util.List;

/**
 * One run of an Alma job ({@code /conf/jobs/{job_id}/instances/{instance_id}}), as the test's evidence needs it.
 *
 * @param id          the instance id (the "Process ID" of Monitor Jobs)
 * @param jobId       the job it is an instance of ({@code job_info.id})
 * @param status      {@code status.value}, e.g. {@code COMPLETED_SUCCESS}, {@code COMPLETED_WITH_ERRORS}
 * @param submittedBy the Alma primary id of who ran it
 * @param startTime   when it started, or null
 * @param endTime     when it ended, or null while it runs
 * @param counters    its counters, e.g. records processed, succeeded, failed
 */
public record AlmaJobInstance(
        String id,
        String jobId,
        String status,
        String submittedBy,
        Instant startTime,
        Instant endTime,
        List<Counter> counters) {

    public AlmaJobInstance {
        counters = List.copyOf(counters);
    }

    /** A counter: its {@code type.value} (a code of Alma's), its {@code type.desc} and its value. */
    public record Counter(String type, String description, String value) {}
}
