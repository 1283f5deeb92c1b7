package org.signoff.projections.staff.api;

/** The directory by id, a page at a time: at most {@code limit} people after {@code afterStaffId} (null: from the start). */
public record ListStaffQuery(String afterStaffId, int limit) {}
