package org.signoff.projections.ticket.api;

import java.time.LocalDate;

/** A class the job required when the requester asked (step 2), and the day they had attended it. */
public record TrainingView(String classId, String title, LocalDate attendedOn) {}
