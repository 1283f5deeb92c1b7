package org.signoff.projections.masterlist.api;

/** Who may run which job in production now, grouped by scope, job and variant. */
public record FetchMasterListQuery() {}
