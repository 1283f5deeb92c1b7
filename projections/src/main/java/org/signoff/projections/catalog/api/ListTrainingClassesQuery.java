package org.signoff.projections.catalog.api;

/** Every training class of the catalog, in registration order. */
public record ListTrainingClassesQuery() {}
