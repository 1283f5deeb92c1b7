package org.signoff.projections.catalog.api;

/** A training class of the catalog; {@code requiredOfEveryJob}: every job requires it without naming it. */
public record TrainingClassView(String classId, String title, String functionalArea, boolean requiredOfEveryJob) {}
