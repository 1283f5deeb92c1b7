package org.signoff.projections.staff.api;

import java.util.List;

import org.signoff.staff.api.Role;

/**
 * A person of the directory.
 *
 * @param displayName   null once their personal data is erased
 * @param almaPrimaryId the login they use in Alma; null until an administrator or the import sets it, and once
 *                      erased
 * @param leftAt        when they left (they act no more), or {@code null}
 * @param pseudonym     what the event store and the ledger's exports hold for them; null once erased (they show as
 *                      {@code erased-…} then)
 */
public record StaffView(
        String staffId,
        String displayName,
        String almaPrimaryId,
        String unit,
        List<Role> roles,
        List<String> liaisonUnits,
        java.time.Instant leftAt,
        String pseudonym) {}
