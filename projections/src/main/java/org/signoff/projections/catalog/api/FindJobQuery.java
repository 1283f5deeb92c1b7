package org.signoff.projections.catalog.api;

public record FindJobQuery(String jobId) {}
