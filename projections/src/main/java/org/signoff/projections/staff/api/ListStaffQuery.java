package org.signoff.projections.staff.api;

/** Everyone in the directory, by id. */
public record ListStaffQuery() {}
