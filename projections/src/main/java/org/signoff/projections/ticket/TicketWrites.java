package org.signoff.projections.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.storage.Columns;

/**
 * What a batch of events has yet to write to the tickets' tables, kept per ticket and written when the batch ends:
 * one write of a ticket's row however many of its events the batch holds, and a history entry per event. Under
 * load a batch holds a ticket's step together with the engine's note about it (its deadlines, its validity), and
 * often more than one step; one event at a time, each updated the row on its own.
 *
 * <p>A ticket's status after each event is known from the events themselves once one of them set it (or opened
 * the ticket); entries before that take the row's status as the batch found it, so they are written before the row.
 */
final class TicketWrites {

    /** An event's entry in its ticket's history; {@code statusAfter} null for "as the row stood". */
    private record Entry(
            long sequence,
            String eventType,
            String performedBy,
            String client,
            Instant at,
            String statusAfter,
            String details) {}

    /** The row as the ticket was opened, when the batch opened it. */
    record Opening(String staffId, String jobId, String variant, String status, Instant at) {}

    private static final class Ticket {
        private Opening opening;
        private final List<Entry> entries = new ArrayList<>();
        private String status; // the last status an event of the batch set
        private String firstStatus; // the first one, and when: whether it changed the status depends on the row
        private Instant firstStatusAt;
        private Instant changedAt; // the last change of status known from the batch's own events
        private Instant updatedAt;
        private String supportTicketRef;
    }

    private final Map<String, Ticket> tickets = new LinkedHashMap<>();

    void opened(
            String ticketId,
            Opening opening,
            String eventType,
            long sequence,
            String performedBy,
            String client,
            String details) {
        Ticket ticket = tickets.computeIfAbsent(ticketId, id -> new Ticket());
        ticket.opening = opening;
        ticket.status = opening.status();
        ticket.updatedAt = opening.at();
        ticket.entries.add(
                new Entry(sequence, eventType, performedBy, client, opening.at(), opening.status(), details));
    }

    /** A later event: {@code status} the one it sets (null if it leaves it), {@code supportTicketRef} likewise. */
    void stepped(
            String ticketId,
            String eventType,
            long sequence,
            String performedBy,
            String client,
            Instant at,
            String status,
            String supportTicketRef,
            String details) {
        Ticket ticket = tickets.computeIfAbsent(ticketId, id -> new Ticket());
        if (status != null) {
            if (ticket.status == null) {
                ticket.firstStatus = status;
                ticket.firstStatusAt = at;
            } else if (!status.equals(ticket.status)) {
                ticket.changedAt = at;
            }
            ticket.status = status;
        }
        ticket.updatedAt = at;
        if (supportTicketRef != null) {
            ticket.supportTicketRef = supportTicketRef;
        }
        ticket.entries.add(new Entry(sequence, eventType, performedBy, client, at, ticket.status, details));
    }

    /** Writes everything kept, then forgets it. */
    void write(JdbcClient jdbc) {
        tickets.forEach((ticketId, ticket) -> write(jdbc, ticketId, ticket));
        tickets.clear();
    }

    private static void write(JdbcClient jdbc, String ticketId, Ticket ticket) {
        // entries before the batch's first status: the status as the row stands, so before the row is written
        ticket.entries.stream()
                .filter(entry -> entry.statusAfter() == null)
                .forEach(entry -> insert(jdbc, ticketId, entry));
        if (ticket.opening != null) {
            Opening opening = ticket.opening;
            Instant since = ticket.changedAt != null ? ticket.changedAt : opening.at();
            jdbc.sql("INSERT INTO projection_ticket (ticket_id, staff_id, job_id, variant, status, opened_at, "
                            + "updated_at, status_since, support_ticket_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            ticketId,
                            opening.staffId(),
                            opening.jobId(),
                            opening.variant(),
                            ticket.status,
                            Columns.utc(opening.at()),
                            Columns.utc(ticket.updatedAt),
                            Columns.utc(since),
                            ticket.supportTicketRef)
                    .update();
        } else if (ticket.changedAt != null) {
            // the status changed between two of the batch's own events: the last such change is when it began
            jdbc.sql("UPDATE projection_ticket SET status_since = ?, status = ?, updated_at = ?, "
                            + "support_ticket_ref = COALESCE(?, support_ticket_ref) WHERE ticket_id = ?")
                    .params(
                            Columns.utc(ticket.changedAt),
                            ticket.status,
                            Columns.utc(ticket.updatedAt),
                            ticket.supportTicketRef,
                            ticketId)
                    .update();
        } else {
            // at most one status set (perhaps more than once): it began with its first event, if the row had another
            jdbc.sql(
                            "UPDATE projection_ticket SET status_since = CASE WHEN CAST(? AS VARCHAR(40)) IS NOT NULL "
                                    + "AND status <> ? THEN ? ELSE status_since END, status = COALESCE(?, status), "
                                    + "updated_at = ?, support_ticket_ref = COALESCE(?, support_ticket_ref) WHERE ticket_id = ?")
                    .params(
                            ticket.firstStatus,
                            ticket.firstStatus,
                            ticket.firstStatusAt == null ? null : Columns.utc(ticket.firstStatusAt),
                            ticket.firstStatus,
                            Columns.utc(ticket.updatedAt),
                            ticket.supportTicketRef,
                            ticketId)
                    .update();
        }
        ticket.entries.stream()
                .filter(entry -> entry.statusAfter() != null)
                .forEach(entry -> insert(jdbc, ticketId, entry));
    }

    /** An entry with its status, or (null) with the status of the ticket's row as it stands. */
    private static void insert(JdbcClient jdbc, String ticketId, Entry entry) {
        List<Object> values = new ArrayList<>(Arrays.asList(
                ticketId,
                entry.sequence(),
                entry.eventType(),
                entry.performedBy(),
                entry.client(),
                Columns.utc(entry.at())));
        String sql = "INSERT INTO projection_ticket_history (ticket_id, seq, event_type, performed_by, client, "
                + "occurred_at, status_after, details) ";
        if (entry.statusAfter() == null) {
            sql += "SELECT ?, ?, ?, ?, ?, ?, status, ? FROM projection_ticket WHERE ticket_id = ?";
            values.addAll(Arrays.asList(entry.details(), ticketId));
        } else {
            sql += "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
            values.addAll(Arrays.asList(entry.statusAfter(), entry.details()));
        }
        jdbc.sql(sql).params(values).update();
    }
}
