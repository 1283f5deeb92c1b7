package org.signoff.lookup;

import java.util.Set;

import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;

/** A person's unit, roles, and the units they are liaison of. */
public record StaffMembership(StaffId staffId, String unit, Set<Role> roles, Set<String> liaisonUnits) {

    public StaffMembership {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        liaisonUnits = liaisonUnits == null ? Set.of() : Set.copyOf(liaisonUnits);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isLiaisonOf(String unit) {
        return has(Role.LIAISON) && liaisonUnits.contains(unit);
    }
}
