package org.signoff.projections.masterlist.api;

import java.time.Instant;

/**
 * A sign-off waiting to be recertified (or revoked) before it lapses.
 *
 * @param validUntil  when it lapses unless recertified
 * @param requestedAt when its systems librarians were asked
 */
public record PendingRecertificationView(
        String ticketId,
        String staffId,
        String displayName,
        String jobId,
        String variant,
        Instant approvedAt,
        Instant validUntil,
        Instant requestedAt) {}
