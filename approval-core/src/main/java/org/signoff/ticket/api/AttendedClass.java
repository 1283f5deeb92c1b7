package org.signoff.ticket.api;

import java.time.LocalDate;

import org.signoff.catalog.api.TrainingClassId;

/** A class the job required, and the day the requester attended it: the training a request rests on. */
public record AttendedClass(TrainingClassId classId, LocalDate attendedOn) {}
