package org.signoff.projections.ticket.api;

import java.time.Instant;

import org.signoff.ticket.api.TicketStatus;

/** A ticket as a work queue lists it. */
public record TicketSummaryView(
        String ticketId,
        String staffId,
        String jobId,
        String variant,
        TicketStatus status,
        int step,
        String supportTicketRef,
        Instant openedAt,
        Instant updatedAt) {}
