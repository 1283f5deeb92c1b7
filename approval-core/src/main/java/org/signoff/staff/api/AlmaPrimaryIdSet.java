package org.signoff.staff.api;

/** The person's Alma primary id was set; which one is kept outside the events, where it can be erased. */
public record AlmaPrimaryIdSet(StaffId staffId, StaffId performedBy) {}
