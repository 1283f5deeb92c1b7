package org.signoff.catalog.api;

import org.signoff.staff.api.StaffId;

public record JobRetired(JobId jobId, String reason, StaffId performedBy) {}
