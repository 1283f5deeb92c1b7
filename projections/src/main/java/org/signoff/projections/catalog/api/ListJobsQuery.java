package org.signoff.projections.catalog.api;

/** The catalog in registration order; retired jobs too when asked. */
public record ListJobsQuery(boolean includeRetired) {}
