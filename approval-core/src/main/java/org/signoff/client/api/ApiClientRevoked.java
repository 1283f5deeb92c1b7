package org.signoff.client.api;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

public record ApiClientRevoked(ClientId clientId, @FreeText String reason, StaffId performedBy) {}
