package org.signoff.api.security;

import java.util.Set;

import org.signoff.client.api.ClientId;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.staff.api.StaffId;

/**
 * An authenticated caller: an API client, which is either a person's own key ({@code staffId}) or an integration
 * acting for anyone or for the staff of some units; it acts within one institution, its credential's, and names things by that institution's ids ({@code scope}).
 */
public record Caller(
        ClientId clientId, StaffId staffId, boolean actsForAnyone, Set<String> actsForUnits, InstitutionScope scope) {

    public boolean isPerson() {
        return staffId != null;
    }

    /** The institution the caller acts within, its credential's. */
    public InstitutionCode institution() {
        return scope.code();
    }
}
