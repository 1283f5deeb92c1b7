package org.signoff.projections.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.common.MessageMetaData;
import org.signoff.projections.Columns;
import org.signoff.projections.PersonalData;
import org.signoff.projections.ticket.api.AuditEntryView;
import org.signoff.projections.ticket.api.AuditTrailQuery;
import org.signoff.projections.ticket.api.FindTicketQuery;
import org.signoff.projections.ticket.api.HistoryEntryView;
import org.signoff.projections.ticket.api.ListTicketsQuery;
import org.signoff.projections.ticket.api.TicketSummaryView;
import org.signoff.projections.ticket.api.TicketView;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketStatus;

/** Tickets by status, and each ticket's history: who did what, when, with what data. */
@ProcessingGroup(TicketProjection.PROCESSING_GROUP)
public class TicketProjection {

    public static final String PROCESSING_GROUP = "tickets";

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public TicketProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(
            TicketEvent event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(MessageMetaData.CLIENT) String client) {
        String ticketId = event.ticketId().value();
        if (event instanceof SignOffStarted started) {
            jdbc.sql("INSERT INTO projection_ticket (ticket_id, staff_id, job_id, variant, status, opened_at, "
                            + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            ticketId,
                            started.staffId().value(),
                            started.jobId().value(),
                            started.variant(),
                            TicketLifecycle.OPENED.name(),
                            Columns.utc(at),
                            Columns.utc(at))
                    .update();
        } else {
            String supportTicketRef =
                    event instanceof JobAccessRequested requested ? requested.supportTicketRef() : null;
            // the status the event sets, or (for one that leaves it) the ticket's own: no read needed either way
            String status = TicketLifecycle.statusSetBy(event).map(Enum::name).orElse(null);
            jdbc.sql("UPDATE projection_ticket SET status = COALESCE(?, status), updated_at = ?, "
                            + "support_ticket_ref = COALESCE(?, support_ticket_ref) WHERE ticket_id = ?")
                    .params(status, Columns.utc(at), supportTicketRef, ticketId)
                    .update();
        }
        // the entry takes the status after the event from the ticket's row, updated above
        jdbc.sql("INSERT INTO projection_ticket_history (ticket_id, seq, event_type, performed_by, client, "
                        + "occurred_at, status_after, details) SELECT ?, ?, ?, ?, ?, ?, status, ? "
                        + "FROM projection_ticket WHERE ticket_id = ?")
                .params(
                        ticketId,
                        sequence,
                        event.getClass().getSimpleName(),
                        event.performedBy() == null ? null : event.performedBy().value(),
                        client,
                        Columns.utc(at),
                        details(event),
                        ticketId)
                .update();
    }

    /** An erased person's tickets and steps stay, under the name they show as from now on. */
    @EventHandler
    void on(StaffMemberErased event) {
        PersonalData.erasedStaffId(jdbc, event).ifPresent(staffId -> {
            eraseFreeText(staffId);
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "projection_ticket", List.of("staff_id"), List.of());
            PersonalData.replace(
                    jdbc,
                    staffId,
                    event.erasedAs(),
                    "projection_ticket_history",
                    List.of("performed_by"),
                    List.of("details"));
        });
    }

    /** The free text of every step the person took, and of every step on their tickets, as the event store has it. */
    private void eraseFreeText(String staffId) {
        jdbc.sql("SELECT ticket_id, seq, details FROM projection_ticket_history WHERE performed_by = ? OR ticket_id IN "
                        + "(SELECT ticket_id FROM projection_ticket WHERE staff_id = ?)")
                .params(staffId, staffId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)})
                .list()
                .forEach(row -> {
                    ObjectNode details = (ObjectNode) readTree((String) row[2]);
                    boolean erased = false;
                    for (String field : PersonalData.FREE_TEXT_FIELDS) {
                        if (details.hasNonNull(field)) {
                            details.put(field, PersonalData.ERASED_TEXT);
                            erased = true;
                        }
                    }
                    if (erased) {
                        jdbc.sql("UPDATE projection_ticket_history SET details = ? WHERE ticket_id = ? AND seq = ?")
                                .params(details.toString(), row[0], row[1])
                                .update();
                    }
                });
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable history details: " + text, e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM projection_ticket_history").update();
        jdbc.sql("DELETE FROM projection_ticket").update();
    }

    @QueryHandler
    Optional<TicketView> handle(FindTicketQuery query) {
        return jdbc.sql("SELECT * FROM projection_ticket WHERE ticket_id = ?")
                .param(query.ticketId())
                .query(TicketProjection::summary)
                .optional()
                .map(ticket -> new TicketView(ticket, history(ticket.ticketId())));
    }

    @QueryHandler
    List<TicketSummaryView> handle(ListTicketsQuery query) {
        List<String> statuses = Arrays.stream(TicketStatus.values())
                .filter(status -> query.status() == null || status == query.status())
                .filter(status -> query.step() == null || (!status.closed() && status.step() == query.step()))
                .map(Enum::name)
                .toList();
        if (statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM projection_ticket WHERE status IN (:statuses) "
                        + "AND (CAST(:ref AS VARCHAR(200)) IS NULL OR support_ticket_ref = :ref) "
                        + "AND (CAST(:after AS TIMESTAMP WITH TIME ZONE) IS NULL OR updated_at > :after "
                        + "OR (updated_at = :after AND ticket_id > :afterId)) "
                        + "ORDER BY updated_at, ticket_id FETCH FIRST :limit ROWS ONLY")
                .param("statuses", statuses)
                .param("ref", query.supportTicketRef())
                .param("after", query.afterUpdatedAt() == null ? null : Columns.utc(query.afterUpdatedAt()))
                .param("afterId", query.afterTicketId() == null ? "" : query.afterTicketId())
                .param("limit", query.limit())
                .query(TicketProjection::summary)
                .list();
    }

    @QueryHandler
    List<AuditEntryView> handle(AuditTrailQuery query) {
        String concerned = query.staffId() != null ? "(h.performed_by = :who OR t.staff_id = :who)" : "t.job_id = :job";
        return jdbc.sql("SELECT h.*, t.staff_id AS requester, t.job_id, t.variant, t.support_ticket_ref "
                        + "FROM projection_ticket_history h JOIN projection_ticket t ON t.ticket_id = h.ticket_id "
                        + "WHERE " + concerned
                        + " AND (CAST(:after AS TIMESTAMP WITH TIME ZONE) IS NULL OR h.occurred_at > :after "
                        + "OR (h.occurred_at = :after AND (h.ticket_id > :afterId "
                        + "OR (h.ticket_id = :afterId AND h.seq > :afterSeq)))) "
                        + "ORDER BY h.occurred_at, h.ticket_id, h.seq FETCH FIRST :limit ROWS ONLY")
                .param("who", query.staffId())
                .param("job", query.jobId())
                .param("after", query.afterOccurredAt() == null ? null : Columns.utc(query.afterOccurredAt()))
                .param("afterId", query.afterTicketId() == null ? "" : query.afterTicketId())
                .param("afterSeq", query.afterSequence() == null ? -1L : query.afterSequence())
                .param("limit", query.limit())
                .query((rs, n) -> new AuditEntryView(
                        rs.getString("ticket_id"),
                        rs.getString("job_id"),
                        rs.getString("variant"),
                        rs.getString("requester"),
                        rs.getString("support_ticket_ref"),
                        step(rs)))
                .list();
    }

    private List<HistoryEntryView> history(String ticketId) {
        return jdbc.sql("SELECT * FROM projection_ticket_history WHERE ticket_id = ? ORDER BY seq")
                .param(ticketId)
                .query((rs, n) -> step(rs))
                .list();
    }

    private HistoryEntryView step(ResultSet rs) throws SQLException {
        return new HistoryEntryView(
                rs.getLong("seq"),
                rs.getString("event_type"),
                rs.getString("performed_by"),
                rs.getString("client"),
                Columns.instant(rs, "occurred_at"),
                TicketStatus.valueOf(rs.getString("status_after")),
                readDetails(rs.getString("details")));
    }

    private static TicketSummaryView summary(ResultSet rs, int row) throws SQLException {
        TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
        return new TicketSummaryView(
                rs.getString("ticket_id"),
                rs.getString("staff_id"),
                rs.getString("job_id"),
                rs.getString("variant"),
                status,
                status.step(),
                rs.getString("support_ticket_ref"),
                Columns.instant(rs, "opened_at"),
                Columns.instant(rs, "updated_at"));
    }

    /** The event's own data: everything but the ticket id and performer, which the entry shows already. */
    private String details(TicketEvent event) {
        ObjectNode node = json.valueToTree(event);
        node.remove("ticketId");
        node.remove("performedBy");
        return node.toString();
    }

    private Map<String, Object> readDetails(String text) {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable history details: " + text, e);
        }
    }
}
