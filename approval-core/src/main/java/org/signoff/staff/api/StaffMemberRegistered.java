package org.signoff.staff.api;

import java.util.Set;

/**
 * A person joined the directory. {@code performedBy} is null for the first administrator. {@code pseudonym} is what
 * the event store holds for them, and the key of their own history; null in events stored before pseudonyms, whose
 * history is keyed by the staff id.
 */
public record StaffMemberRegistered(
        StaffId staffId,
        String unit,
        Set<Role> roles,
        Set<String> liaisonUnits,
        StaffId performedBy,
        String pseudonym) {

    public StaffMemberRegistered(
            StaffId staffId, String unit, Set<Role> roles, Set<String> liaisonUnits, StaffId performedBy) {
        this(staffId, unit, roles, liaisonUnits, performedBy, null);
    }
}
