package org.signoff.projections.masterlist.api;

import java.util.List;

/** The master list: scopes in catalog order. */
public record MasterListView(List<Scope> scopes) {

    public record Scope(String scope, List<Job> jobs) {}

    /**
     * A job and the people signed off on it. For a job signed off per variant, the people are listed under each
     * variant and {@code staff} is empty.
     */
    public record Job(
            String jobId, String name, String notes, boolean retired, List<SignedOff> staff, List<Variant> variants) {}

    public record Variant(String variant, List<SignedOff> staff) {}

    /**
     * A person signed off for production use.
     *
     * @param rolePending the Alma role update is still to be done
     * @param roleInAlma  the production role was applied in Alma through the engine (step 6 through Alma), not by
     *                    hand; whether it is still in place there, the drift report asks Alma
     * @param approvedBy  the reviewer who signed off
     * @param evidence    the Sandbox test report the approval rests on (the last one before it)
     * @param validUntil  when the sign-off lapses unless recertified (a job whose sign-offs expire); in the list now
     *                    only
     * @param migratedFrom for a sign-off brought in from the master list kept before the engine: the import run,
     *                     file and line; null for one given through the six steps
     */
    public record SignedOff(
            String staffId,
            String displayName,
            String unit,
            boolean rolePending,
            boolean roleInAlma,
            java.time.Instant approvedAt,
            String approvedBy,
            String ticketId,
            TestEvidence evidence,
            java.time.Instant validUntil,
            String migratedFrom) {}

    /**
     * A Sandbox test report, as evidence.
     *
     * @param jobInstanceRef the job run in the Sandbox, as Alma names it
     * @param outcome        {@code SUCCEEDED}, {@code COMPLETED_WITH_ERRORS} or {@code FAILED}
     * @param attachments    links to the proof (the job's report, an export, screenshots)
     * @param reportedBy     who ran the test
     */
    public record TestEvidence(
            String jobInstanceRef,
            long recordsProcessed,
            String outcome,
            List<String> attachments,
            String notes,
            String reportedBy,
            java.time.Instant reportedAt) {}
}
