package org.signoff.staff.api;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a person to the staff directory. Administrators may. The display name is personal data: it is kept in the
 * erasable personal-data store, not in the event.
 *
 * @param liaisonUnits the units this person is Alma liaison of (with role {@link Role#LIAISON})
 */
public record RegisterStaffMember(
        @TargetAggregateIdentifier StaffId staffId,
        String displayName,
        String unit,
        Set<Role> roles,
        Set<String> liaisonUnits,
        StaffId performedBy) {

    public RegisterStaffMember {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        liaisonUnits = liaisonUnits == null ? Set.of() : Set.copyOf(liaisonUnits);
    }
}
