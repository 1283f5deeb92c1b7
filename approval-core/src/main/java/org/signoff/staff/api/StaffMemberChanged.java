package org.signoff.staff.api;

import java.util.Set;

public record StaffMemberChanged(
        StaffId staffId, String unit, Set<Role> roles, Set<String> liaisonUnits, StaffId performedBy) {}
