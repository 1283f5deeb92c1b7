package org.signoff.client.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import org.signoff.staff.api.StaffId;

/** Stops a client at once: its secrets no longer open anything. */
public record RevokeApiClient(@TargetAggregateIdentifier ClientId clientId, String reason, StaffId performedBy) {}
