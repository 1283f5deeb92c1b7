package org.signoff.api.security;

import java.util.Set;

import org.signoff.client.api.ClientId;
import org.signoff.common.InstitutionCode;
import org.signoff.staff.api.StaffId;

/**
 * An authenticated caller: an API client, which is either a person's own key ({@code staffId}) or an integration
 * acting for anyone or for the staff of some units; it acts within one institution, its credential's.
 */
public record Caller(
        ClientId clientId,
        StaffId staffId,
        boolean actsForAnyone,
        Set<String> actsForUnits,
        InstitutionCode institution) {

    public boolean isPerson() {
        return staffId != null;
    }
}
