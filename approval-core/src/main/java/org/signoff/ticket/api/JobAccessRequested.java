package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

public record JobAccessRequested(TicketId ticketId, String supportTicketRef, String note, StaffId performedBy)
        implements TicketEvent {}
