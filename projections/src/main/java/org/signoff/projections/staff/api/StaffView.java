package org.signoff.projections.staff.api;

import java.util.List;

import org.signoff.staff.api.Role;

/**
 * A person of the directory.
 *
 * @param displayName null once their personal data is erased
 */
public record StaffView(String staffId, String displayName, String unit, List<Role> roles, List<String> liaisonUnits) {}
