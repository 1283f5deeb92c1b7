package org.signoff.consortium.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.SharedJobId;
import org.signoff.staff.api.StaffId;

/** Adds a job to the consortium's shared catalog. Consortium administrators may. */
public record DefineSharedJob(
        @TargetAggregateIdentifier SharedJobId sharedJobId, JobDefinition definition, StaffId performedBy) {}
