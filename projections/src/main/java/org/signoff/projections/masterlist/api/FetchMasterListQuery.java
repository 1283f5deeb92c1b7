package org.signoff.projections.masterlist.api;

import java.time.Instant;

import org.signoff.common.InstitutionScope;

/**
 * Who may run which job in production, grouped by scope, job and variant: now, or as it stood at an instant;
 * all of it, or only a scope, a job, the people of a unit or one person (each null for no filter). Filtered by unit
 * or person, it shows only the jobs where someone is listed.
 *
 * @param at the instant, or {@code null} for now
 */
public record FetchMasterListQuery(
        InstitutionScope within, Instant at, String scope, String jobId, String unit, String staffId) {

    public FetchMasterListQuery(InstitutionScope within, Instant at) {
        this(within, at, null, null, null, null);
    }

    public static FetchMasterListQuery now(InstitutionScope within) {
        return new FetchMasterListQuery(within, null);
    }

    public boolean byPeople() {
        return unit != null || staffId != null;
    }
}
