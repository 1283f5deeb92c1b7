package org.signoff.client.api;

import java.util.EnumSet;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/**
 * Lets a new client call the engine. Administrators may. Either a person's own key ({@code staffId}: it acts as
 * that person and no one else), or an integration's ({@code staffId} null), acting for anyone or for the staff of
 * the units listed.
 *
 * @param secretHash the SHA-256 of the client's secret, stored apart from the events; the secret itself is never kept
 */
public record RegisterApiClient(
        @TargetAggregateIdentifier ClientId clientId,
        String name,
        StaffId staffId,
        Set<Operation> operations,
        boolean actsForAnyone,
        Set<String> actsForUnits,
        String secretHash,
        StaffId performedBy) {

    public RegisterApiClient {
        operations = operations == null ? Set.of() : Set.copyOf(operations);
        actsForUnits = actsForUnits == null ? Set.of() : Set.copyOf(actsForUnits);
    }

    /**
     * An institution's first administrator's own key, with every operation (their roles decide what it opens): what
     * a new deployment's first start, and a member's registration, hand over.
     */
    public static RegisterApiClient firstAdministratorsKey(ClientId clientId, StaffId admin, String secretHash) {
        return new RegisterApiClient(
                clientId,
                "The first administrator's key",
                admin,
                EnumSet.allOf(Operation.class),
                false,
                null,
                secretHash,
                admin);
    }
}
