package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

public record RoleRequestSubmitted(TicketId ticketId, String formRef, StaffId performedBy) implements TicketEvent {}
