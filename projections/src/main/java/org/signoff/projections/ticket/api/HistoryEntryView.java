package org.signoff.projections.ticket.api;

import java.time.Instant;
import java.util.Map;

import org.signoff.ticket.api.TicketStatus;

/**
 * One step of a ticket's history: what happened, who did it, when, and what they said (the event's own data).
 *
 * @param sequence    position in the ticket's history, from 0
 * @param event       the event's name, e.g. {@code SandboxTestReported}
 * @param client      the API client that sent the command, when it acted for {@code performedBy}
 * @param statusAfter where the ticket stood after it ({@code null} for a step of no ticket: a class attended)
 */
public record HistoryEntryView(
        long sequence,
        String event,
        String performedBy,
        String client,
        Instant at,
        TicketStatus statusAfter,
        Map<String, Object> details) {}
