package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

public record ProductionRoleUpdated(TicketId ticketId, String note, StaffId performedBy) implements TicketEvent {}
