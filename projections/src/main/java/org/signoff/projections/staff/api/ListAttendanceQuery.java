package org.signoff.projections.staff.api;

/** The person's training record: every class they attended, in the order of the days, oldest first. */
public record ListAttendanceQuery(String staffId) {}
