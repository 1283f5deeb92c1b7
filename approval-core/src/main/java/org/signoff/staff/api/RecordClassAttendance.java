package org.signoff.staff.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.catalog.api.TrainingClassId;

/**
 * Records that a person attended a training class on a day. Trainers, facilitators and administrators (who import the
 * training portal's lists) may.
 */
public record RecordClassAttendance(
        @TargetAggregateIdentifier StaffId staffId, TrainingClassId classId, LocalDate attendedOn, StaffId performedBy)
        implements ToStaffMember {

    /**
     * The last day an attendance may be on, at that instant: tomorrow in UTC. A day in the future is a slip; the day's
     * slack is for the time zones between the trainer and the engine's clock.
     */
    public static LocalDate latestDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
    }
}
