package org.signoff.consortium.api;

import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.SharedJobId;
import org.signoff.staff.api.StaffId;

/** A job is in the consortium's shared catalog, for members to adopt. */
public record SharedJobDefined(SharedJobId sharedJobId, JobDefinition definition, StaffId performedBy) {}
