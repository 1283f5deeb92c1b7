package org.signoff.ticket.api;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

public record ProductionRoleUpdated(
        TicketId ticketId, @FreeText String note, StaffId performedBy) implements TicketEvent {}
