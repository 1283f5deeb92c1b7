package org.signoff.projections.masterlist.api;

import java.time.Instant;
import java.util.List;

/**
 * A recertification campaign: who started it, why, and what became of each sign-off it asked about.
 *
 * @param pending  sign-offs neither recertified nor ended yet
 * @param signOffs each one asked, oldest first
 */
public record RecertificationCampaignView(
        String campaignId,
        String reason,
        String startedBy,
        Instant startedAt,
        int asked,
        int recertified,
        int ended,
        int pending,
        List<SignOff> signOffs) {

    /** @param outcome {@code RECERTIFIED}, or how it ended ({@code REVOKED}, …), or {@code null} while pending */
    public record SignOff(String ticketId, String staffId, String jobId, String outcome, Instant decidedAt) {}
}
