package org.signoff.ticket.api;

import org.signoff.catalog.api.JobId;
import org.signoff.common.FreeText;
import org.signoff.staff.api.StaffId;

/**
 * The requester left, and the ticket ended with them: an open one stops, a sign-off leaves the master list.
 *
 * @param performedBy the administrator who recorded the departure
 */
public record RequesterLeft(
        TicketId ticketId,
        StaffId staffId,
        JobId jobId,
        String variant,
        @FreeText String reason,
        StaffId performedBy) implements TicketEvent {}
