package org.signoff.projections.masterlist.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One interval of permission: a person on the master list for a job (and variant), from the approval until it was
 * revoked or withdrawn, or still.
 *
 * @param from          when production use was approved
 * @param approvedBy    the reviewer
 * @param evidence      the Sandbox test report the approval rests on
 * @param roleUpdatedAt when the support team updated the Alma role, if the approval needed it and it is done
 * @param until         when it ended, or {@code null} while it lasts
 * @param endedHow      {@code REVOKED}, {@code WITHDRAWN}, {@code LAPSED} or {@code REQUESTER_LEFT}, or {@code null}
 * @param endedBy       who ended it ({@code null} for a lapse: the engine)
 * @param endReason     the reason they gave
 * @param suspensions   when it was off the list in between: its holder had not confirmed a new version of a
 *                      required reading in time (until {@code null}: still suspended)
 * @param training      the classes the job required when it was asked for (step 2), each with the day its holder
 *                      had attended it; empty for a sign-off asked for before training was recorded, or migrated
 */
public record PermissionView(
        String ticketId,
        String jobId,
        String variant,
        Instant from,
        String approvedBy,
        MasterListView.TestEvidence evidence,
        Instant roleUpdatedAt,
        Instant until,
        String endedHow,
        String endedBy,
        String endReason,
        List<Suspension> suspensions,
        List<Training> training) {

    public PermissionView {
        suspensions = List.copyOf(suspensions);
        training = training == null ? List.of() : List.copyOf(training);
    }

    /** Off the master list from {@code from} until {@code until} ({@code null}: still). */
    public record Suspension(Instant from, Instant until) {}

    /** A class the sign-off rests on, and the day its holder attended it. */
    public record Training(String classId, String title, LocalDate attendedOn) {}
}
