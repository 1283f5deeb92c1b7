package org.signoff.catalog.api;

import org.signoff.staff.api.StaffId;

/** The job follows a shared job of the consortium: a new version of it is this job's next definition. */
public record SharedJobAdopted(JobId jobId, SharedJobId sharedJobId, StaffId performedBy) {}
