package org.signoff.client.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** Gives a client a new secret; the old one keeps working until {@code previousValidUntil} (the overlap). */
public record RotateApiClientSecret(
        @TargetAggregateIdentifier ClientId clientId,
        String secretHash,
        Instant previousValidUntil,
        StaffId performedBy) {}
