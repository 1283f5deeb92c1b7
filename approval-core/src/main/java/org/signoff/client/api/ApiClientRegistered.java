package org.signoff.client.api;

import java.util.Set;

import org.signoff.staff.api.StaffId;

/** A client may call the engine. Its secret is not part of the fact. */
public record ApiClientRegistered(
        ClientId clientId,
        String name,
        StaffId staffId,
        Set<Operation> operations,
        boolean actsForAnyone,
        Set<String> actsForUnits,
        StaffId performedBy) {}
