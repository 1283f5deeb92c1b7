package org.signoff.client.api;

import java.time.Instant;

import org.signoff.staff.api.StaffId;

public record ApiClientSecretRotated(ClientId clientId, Instant previousValidUntil, StaffId performedBy) {}
