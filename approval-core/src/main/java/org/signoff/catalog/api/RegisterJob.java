package org.signoff.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** Adds a job to the catalog. Systems librarians and administrators may. */
public record RegisterJob(@TargetAggregateIdentifier JobId jobId, JobDefinition definition, StaffId performedBy) {}
