package org.signoff.catalog.api;

import org.signoff.staff.api.StaffId;

public record JobChanged(JobId jobId, JobDefinition definition, StaffId performedBy) {}
