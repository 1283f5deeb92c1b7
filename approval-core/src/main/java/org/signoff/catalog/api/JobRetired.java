package org.signoff.catalog.api;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

public record JobRetired(JobId jobId, @FreeText String reason, StaffId performedBy) {}
