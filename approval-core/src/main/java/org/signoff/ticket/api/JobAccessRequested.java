package org.signoff.ticket.api;

import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

public record JobAccessRequested(
        TicketId ticketId,
        String supportTicketRef,
        @FreeText String note,
        StaffId performedBy) implements TicketEvent {}
