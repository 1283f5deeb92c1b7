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

    /** The first day an attendance may be on: the programme is this century's, an earlier day a typing slip. */
    public static final LocalDate EARLIEST_DAY = LocalDate.of(2000, 1, 1);

    /**
     * Whether an attendance may be on that day, at that instant: from {@link #EARLIEST_DAY} to tomorrow in UTC. A day
     * in the future is a slip; the day's slack is for the time zones between the trainer and the engine's clock.
     */
    public static boolean possibleDay(LocalDate day, Instant now) {
        return day != null
                && !day.isBefore(EARLIEST_DAY)
                && !day.isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1));
    }
}
