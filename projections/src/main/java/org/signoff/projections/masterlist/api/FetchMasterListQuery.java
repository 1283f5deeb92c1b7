package org.signoff.projections.masterlist.api;

import java.time.Instant;

/**
 * Who may run which job in production, grouped by scope, job and variant: now, or as it stood at an instant.
 *
 * @param at the instant, or {@code null} for now
 */
public record FetchMasterListQuery(Instant at) {

    public static FetchMasterListQuery now() {
        return new FetchMasterListQuery(null);
    }
}
