package org.signoff.ticket.api;

import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;

/**
 * A suspended sign-off is in force again: the requester confirmed every reading it waited on. {@code resumes} is the
 * status the ticket had when it was suspended.
 */
public record ProductionUseReinstated(
        TicketId ticketId, StaffId staffId, JobId jobId, String variant, TicketStatus resumes, StaffId performedBy)
        implements TicketEvent {}
