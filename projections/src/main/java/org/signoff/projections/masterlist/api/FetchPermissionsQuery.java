package org.signoff.projections.masterlist.api;

/**
 * When a person held permission to run jobs in production: every sign-off of theirs, from approval to its end.
 *
 * @param jobId only this job's, or {@code null} for all
 */
public record FetchPermissionsQuery(String staffId, String jobId) {}
