package org.signoff.catalog.api;

import org.signoff.staff.api.StaffId;

/** The job's Alma side is now this one: its Alma job and import profile ids, the roles it needs where. */
public record JobAlmaSideSet(JobId jobId, AlmaSide almaSide, StaffId performedBy) {}
