package org.signoff.catalog.api;

import org.signoff.staff.api.StaffId;

/** A training class is in the catalog; one required of every job applies to every job without being named. */
public record TrainingClassRegistered(
        TrainingClassId classId,
        String title,
        String functionalArea,
        boolean requiredOfEveryJob,
        StaffId performedBy) {}
