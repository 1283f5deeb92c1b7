package org.signoff.catalog.api;

import org.signoff.staff.api.StaffId;

public record JobRegistered(JobId jobId, JobDefinition definition, StaffId performedBy) {}
