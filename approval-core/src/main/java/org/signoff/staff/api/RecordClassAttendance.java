package org.signoff.staff.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.catalog.api.TrainingClassId;

/**
 * Records that a person attended a training class on a day. Trainers, facilitators and administrators (who import the
 * training portal's lists) may.
 */
public record RecordClassAttendance(
        @TargetAggregateIdentifier StaffId staffId, TrainingClassId classId, LocalDate attendedOn, StaffId performedBy)
        implements ToStaffMember {}
