package org.signoff.catalog.api;

import java.util.List;

import org.signoff.staff.api.StaffId;

/** The job now requires these training classes, besides those every job requires. */
public record JobRequiredClassesSet(JobId jobId, List<TrainingClassId> classIds, StaffId performedBy) {

    public JobRequiredClassesSet {
        classIds = classIds == null ? List.of() : List.copyOf(classIds);
    }
}
