package org.signoff.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/**
 * Replaces a job's definition, e.g. a new version of its documentation. Open tickets must confirm readings of the
 * new versions before their request step.
 */
public record ChangeJob(@TargetAggregateIdentifier JobId jobId, JobDefinition definition, StaffId performedBy) {}
