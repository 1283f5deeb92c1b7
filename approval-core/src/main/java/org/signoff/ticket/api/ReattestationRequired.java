package org.signoff.ticket.api;

import java.time.Instant;
import java.util.List;

import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.staff.api.StaffId;

/**
 * The sign-off rests on older versions of these readings: the requester confirms each by {@code dueBy}, or the
 * sign-off is suspended. {@code performedBy} changed the job's reading.
 */
public record ReattestationRequired(
        TicketId ticketId,
        StaffId staffId,
        JobId jobId,
        List<RequiredReading> readings,
        Instant dueBy,
        StaffId performedBy)
        implements TicketEvent {}
