package org.signoff.staff.api;

import java.util.Set;

/** A person joined the directory. {@code performedBy} is null for the first administrator. */
public record StaffMemberRegistered(
        StaffId staffId, String unit, Set<Role> roles, Set<String> liaisonUnits, StaffId performedBy) {}
