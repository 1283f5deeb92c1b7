package org.signoff.client.api;

import org.signoff.staff.api.StaffId;

public record ApiClientRevoked(ClientId clientId, String reason, StaffId performedBy) {}
