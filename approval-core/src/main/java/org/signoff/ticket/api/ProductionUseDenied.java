package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

public record ProductionUseDenied(TicketId ticketId, String reason, StaffId performedBy) implements TicketEvent {}
