package org.signoff.catalog.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/**
 * The training classes this job requires beyond those every job requires, replacing what was said before (an empty
 * list requires none). The same list again changes nothing. Systems librarians and administrators may.
 */
public record SetJobRequiredClasses(
        @TargetAggregateIdentifier JobId jobId, List<TrainingClassId> classIds, StaffId performedBy) {

    public SetJobRequiredClasses {
        classIds = classIds == null ? List.of() : List.copyOf(classIds);
    }
}
