package org.signoff.consortium.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.SharedJobId;
import org.signoff.staff.api.StaffId;

/**
 * A new version of a shared job's definition (a reading at a new version, say): every member that adopted it follows,
 * asking its own holders to confirm what changed. Consortium administrators may.
 */
public record ChangeSharedJob(
        @TargetAggregateIdentifier SharedJobId sharedJobId, JobDefinition definition, StaffId performedBy) {}
