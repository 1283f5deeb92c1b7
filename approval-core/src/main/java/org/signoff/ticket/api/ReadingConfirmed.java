package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

public record ReadingConfirmed(TicketId ticketId, String documentId, String version, StaffId performedBy)
        implements TicketEvent {}
