package org.signoff.ticket.api;

import org.signoff.catalog.api.JobId;
import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

/** Production use signed off: the person joins the master list, with the role still pending where {@code roleUpdateNeeded}. */
public record ProductionUseApproved(
        TicketId ticketId,
        StaffId staffId,
        JobId jobId,
        String variant,
        boolean roleUpdateNeeded,
        @FreeText String comment,
        StaffId performedBy)
        implements TicketEvent {}
