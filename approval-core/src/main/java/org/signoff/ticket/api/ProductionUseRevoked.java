package org.signoff.ticket.api;

import org.signoff.catalog.api.JobId;
import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

/** Production use taken back: the person leaves the master list. */
public record ProductionUseRevoked(
        TicketId ticketId,
        StaffId staffId,
        JobId jobId,
        String variant,
        @FreeText String reason,
        StaffId performedBy) implements TicketEvent {}
