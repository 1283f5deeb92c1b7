package org.signoff.ticket.api;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

public record RequestWithdrawn(TicketId ticketId, @FreeText String reason, StaffId performedBy)
        implements TicketEvent {}
