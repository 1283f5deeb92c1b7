package org.signoff.lookup;

import java.util.Set;

import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;

/**
 * A person's unit, roles, and the units they are liaison of.
 *
 * @param left the person left: they act no more
 */
public record StaffMembership(StaffId staffId, String unit, Set<Role> roles, Set<String> liaisonUnits, boolean left) {

    public StaffMembership {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        liaisonUnits = liaisonUnits == null ? Set.of() : Set.copyOf(liaisonUnits);
    }

    /** A person who is still here. */
    public StaffMembership(StaffId staffId, String unit, Set<Role> roles, Set<String> liaisonUnits) {
        this(staffId, unit, roles, liaisonUnits, false);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isLiaisonOf(String unit) {
        return has(Role.LIAISON) && liaisonUnits.contains(unit);
    }
}
