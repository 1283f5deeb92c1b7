package org.signoff.staff.api;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a person's unit, roles or liaison units; a non-null display name replaces the stored one. */
public record ChangeStaffMember(
        @TargetAggregateIdentifier StaffId staffId,
        String displayName,
        String unit,
        Set<Role> roles,
        Set<String> liaisonUnits,
        StaffId performedBy)
        implements ToStaffMember {

    public ChangeStaffMember {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        liaisonUnits = liaisonUnits == null ? Set.of() : Set.copyOf(liaisonUnits);
    }
}
