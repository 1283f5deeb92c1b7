package org.signoff.catalog.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/**
 * Adds a training class to the catalog. Systems librarians and administrators may.
 *
 * @param functionalArea  e.g. {@code Alma Overviews}, {@code Cross-Functional Topics}, {@code Fulfillment}
 * @param requiredOfEveryJob the class every job requires ("required for all staff, regardless of job functions")
 */
public record RegisterTrainingClass(
        @TargetAggregateIdentifier TrainingClassId classId,
        String title,
        String functionalArea,
        boolean requiredOfEveryJob,
        StaffId performedBy) {}
