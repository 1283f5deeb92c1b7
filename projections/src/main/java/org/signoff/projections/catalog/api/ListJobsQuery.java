package org.signoff.projections.catalog.api;

import org.signoff.common.InstitutionScope;

/**
 * The catalog in registration order, retired jobs too when asked, a page at a time: at most {@code limit} jobs
 * registered after {@code afterJobId} (null: from the start).
 */
public record ListJobsQuery(InstitutionScope within, boolean includeRetired, String afterJobId, int limit) {

    public ListJobsQuery(InstitutionScope within, boolean includeRetired) {
        this(within, includeRetired, null, Integer.MAX_VALUE);
    }
}
