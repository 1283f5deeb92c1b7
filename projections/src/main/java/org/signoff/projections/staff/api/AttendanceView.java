package org.signoff.projections.staff.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A training class the person attended, on one day.
 *
 * @param recordedBy the trainer, facilitator or administrator who recorded it
 * @param recordedAt when it was recorded
 */
public record AttendanceView(
        String classId, String title, LocalDate attendedOn, String recordedBy, Instant recordedAt) {}
