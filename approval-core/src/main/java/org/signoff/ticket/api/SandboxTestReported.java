package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

public record SandboxTestReported(
        TicketId ticketId,
        String jobInstanceRef,
        long recordsProcessed,
        TestOutcome outcome,
        String notes,
        StaffId performedBy)
        implements TicketEvent {}
