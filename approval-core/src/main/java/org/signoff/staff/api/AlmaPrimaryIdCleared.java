package org.signoff.staff.api;

/** The person has no Alma primary id any more. */
public record AlmaPrimaryIdCleared(StaffId staffId, StaffId performedBy) {}
