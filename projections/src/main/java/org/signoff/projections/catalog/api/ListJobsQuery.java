package org.signoff.projections.catalog.api;

/**
 * The catalog in registration order, retired jobs too when asked, a page at a time: at most {@code limit} jobs
 * registered after {@code afterJobId} (null: from the start).
 */
public record ListJobsQuery(boolean includeRetired, String afterJobId, int limit) {

    public ListJobsQuery(boolean includeRetired) {
        this(includeRetired, null, Integer.MAX_VALUE);
    }
}
