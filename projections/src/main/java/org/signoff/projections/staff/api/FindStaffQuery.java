package org.signoff.projections.staff.api;

public record FindStaffQuery(String staffId) {}
