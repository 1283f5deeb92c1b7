package org.signoff.staff.api;

import java.time.LocalDate;

import org.signoff.catalog.api.TrainingClassId;

/** The person attended the class on that day, as the trainer, facilitator or imported list said. */
public record ClassAttended(StaffId staffId, TrainingClassId classId, LocalDate attendedOn, StaffId performedBy) {}
