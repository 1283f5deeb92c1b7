package org.signoff.consortium.api;

import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.SharedJobId;
import org.signoff.staff.api.StaffId;

/** The shared job's definition now; {@code version} counts its definitions from 1. */
public record SharedJobChanged(SharedJobId sharedJobId, JobDefinition definition, int version, StaffId performedBy) {}
