package org.signoff.projections.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRequiredClassesSet;
import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.common.InstitutionScope;
import org.signoff.common.MessageMetaData;
import org.signoff.projections.ticket.api.AuditEntryView;
import org.signoff.projections.ticket.api.AuditTrailQuery;
import org.signoff.projections.ticket.api.ClassToAttend;
import org.signoff.projections.ticket.api.FindTicketQuery;
import org.signoff.projections.ticket.api.HistoryEntryView;
import org.signoff.projections.ticket.api.JobStatisticsView;
import org.signoff.projections.ticket.api.ListTicketsQuery;
import org.signoff.projections.ticket.api.OpenWaitView;
import org.signoff.projections.ticket.api.OpenWaitsQuery;
import org.signoff.projections.ticket.api.StepStatisticsQuery;
import org.signoff.projections.ticket.api.TicketSummaryView;
import org.signoff.projections.ticket.api.TicketView;
import org.signoff.projections.ticket.api.TrainingView;
import org.signoff.projections.ticket.api.WaitingOnQuery;
import org.signoff.projections.ticket.api.WaitingView;
import org.signoff.staff.api.ClassAttended;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.staff.api.StaffMemberRegistered;
import org.signoff.storage.Columns;
import org.signoff.storage.PersonalData;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.NextActor;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.SandboxAccessGranted;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketOpened;
import org.signoff.ticket.api.TicketStatus;

/** Tickets by status, and each ticket's history: who did what, when, with what data. */
@ProcessingGroup(TicketProjection.PROCESSING_GROUP)
public class TicketProjection {

    public static final String PROCESSING_GROUP = "tickets";

    /**
     * The shape of its tables' rows: raised with a migration after which rows written before it need the events
     * replayed (a column filled from them, say); a node that finds an older shape recorded rebuilds the read model.
     */
    public static final int SHAPE = 2; // 2: the training record (the request's classes by title, what reading waits on)

    /** Its tables: nobody else reads or writes them. */
    public static final List<String> TABLES = List.of(
            "projection_ticket",
            "projection_ticket_history",
            "projection_ticket_person",
            "projection_ticket_job",
            "projection_ticket_class",
            "projection_ticket_job_class",
            "projection_ticket_attendance");

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    /** A waiting ticket with its job's name and scope and its requester's unit, as the queues read it. */
    private static final String WAITING_FROM = " FROM projection_ticket t "
            + "LEFT JOIN projection_ticket_job j ON j.job_id = t.job_id "
            + "LEFT JOIN projection_ticket_person p ON p.staff_id = t.staff_id ";

    /** The unit of work's resource under which a batch keeps its ticket writes. */
    private static final String WRITES = TicketProjection.class.getName() + ".writes";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public TicketProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A ticket's event: its row and history entry are kept with the batch's others and written when the batch
     * commits ({@link TicketWrites}), in its transaction; outside a batch, at once.
     */
    @EventHandler
    void on(
            TicketEvent event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(MessageMetaData.CLIENT) String client) {
        String ticketId = event.ticketId().value();
        String type = event.getClass().getSimpleName();
        String performedBy =
                event.performedBy() == null ? null : event.performedBy().value();
        TicketWrites writes = batchWrites();
        if (event instanceof TicketOpened started) {
            TicketWrites.Opening opening = new TicketWrites.Opening(
                    started.staffId().value(),
                    started.jobId().value(),
                    started.variant(),
                    TicketLifecycle.statusAfter(null, event).name(),
                    at);
            writes.opened(ticketId, opening, type, sequence, performedBy, client, details(event));
        } else {
            writes.stepped(
                    ticketId,
                    type,
                    sequence,
                    performedBy,
                    client,
                    at,
                    // the status the event sets, or null for one that leaves it: no read needed either way
                    TicketLifecycle.statusSetBy(event).map(Enum::name).orElse(null),
                    event instanceof JobAccessRequested requested ? requested.supportTicketRef() : null,
                    details(event));
        }
        if (!CurrentUnitOfWork.isStarted()) {
            writes.write(jdbc);
        }
    }

    /** The writes the current batch keeps, written as it commits (before its token); a new set outside a batch. */
    private TicketWrites batchWrites() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new TicketWrites();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(WRITES, key -> {
            TicketWrites writes = new TicketWrites();
            CurrentUnitOfWork.get().root().onPrepareCommit(unitOfWork -> writes.write(jdbc));
            return writes;
        });
    }

    /** Before any other event of the batch: what it does to the tables follows the ticket events before it. */
    private void writeKeptFirst() {
        if (CurrentUnitOfWork.isStarted()) {
            TicketWrites writes = CurrentUnitOfWork.get().root().getResource(WRITES);
            if (writes != null) {
                writes.write(jdbc);
            }
        }
    }

    // --- its own copies of what the queues and statistics show: requesters' units, jobs' scopes and names

    @EventHandler
    void on(StaffMemberRegistered event) {
        writeKeptFirst();
        jdbc.sql("INSERT INTO projection_ticket_person (staff_id, unit) VALUES (?, ?)")
                .params(event.staffId().value(), event.unit())
                .update();
    }

    @EventHandler
    void on(StaffMemberChanged event) {
        writeKeptFirst();
        jdbc.sql("UPDATE projection_ticket_person SET unit = ? WHERE staff_id = ?")
                .params(event.unit(), event.staffId().value())
                .update();
    }

    @EventHandler
    void on(JobRegistered event) {
        writeKeptFirst();
        jdbc.sql("INSERT INTO projection_ticket_job (job_id, scope, name) VALUES (?, ?, ?)")
                .params(
                        event.jobId().value(),
                        event.definition().scope(),
                        event.definition().name())
                .update();
    }

    @EventHandler
    void on(JobChanged event) {
        writeKeptFirst();
        jdbc.sql("UPDATE projection_ticket_job SET scope = ?, name = ? WHERE job_id = ?")
                .params(
                        event.definition().scope(),
                        event.definition().name(),
                        event.jobId().value())
                .update();
    }

    // --- its own copies of the training record: the classes, what each job requires, who attended which

    @EventHandler
    void on(TrainingClassRegistered event) {
        writeKeptFirst();
        jdbc.sql("INSERT INTO projection_ticket_class (class_id, position, title, required_of_every_job) "
                        + "SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ? FROM projection_ticket_class")
                .params(event.classId().value(), event.title(), event.requiredOfEveryJob())
                .update();
    }

    /** The job's own classes, replacing the last list: a ticket still reading waits on them from now on. */
    @EventHandler
    void on(JobRequiredClassesSet event) {
        writeKeptFirst();
        jdbc.sql("DELETE FROM projection_ticket_job_class WHERE job_id = ?")
                .param(event.jobId().value())
                .update();
        for (int i = 0; i < event.classIds().size(); i++) {
            jdbc.sql("INSERT INTO projection_ticket_job_class (job_id, class_id, position) VALUES (?, ?, ?)")
                    .params(event.jobId().value(), event.classIds().get(i).value(), i)
                    .update();
        }
    }

    /** Who attended which class: what a reading waits on, and a step of the person's history. */
    @EventHandler
    void on(
            ClassAttended event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(MessageMetaData.CLIENT) String client) {
        writeKeptFirst();
        jdbc.sql("INSERT INTO projection_ticket_attendance (staff_id, class_id, attended_on, seq, recorded_by, client, "
                        + "occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        event.staffId().value(),
                        event.classId().value(),
                        event.attendedOn(),
                        sequence,
                        event.performedBy() == null ? null : event.performedBy().value(),
                        client,
                        Columns.utc(at))
                .update();
    }

    /** An erased person's tickets and steps stay, under the name they show as from now on. */
    @EventHandler
    void on(StaffMemberErased event) {
        writeKeptFirst();
        PersonalData.erasedStaffId(jdbc, event).ifPresent(staffId -> {
            eraseFreeText(staffId);
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "projection_ticket", List.of("staff_id"), List.of());
            PersonalData.replace(
                    jdbc, staffId, event.erasedAs(), "projection_ticket_person", List.of("staff_id"), List.of());
            PersonalData.replace(
                    jdbc,
                    staffId,
                    event.erasedAs(),
                    "projection_ticket_attendance",
                    List.of("staff_id", "recorded_by"),
                    List.of());
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

    /** The tickets of one institution, by their keys (named parameters keysLike, keysNotLike). */
    private static final String WITHIN_TICKET =
            "(t.ticket_id LIKE :keysLike ESCAPE '!' AND t.ticket_id NOT LIKE :keysNotLike ESCAPE '!')";

    /** A class {@code c} of the institution of the ticket {@code t}: the keys begin alike up to the separator. */
    private static final String SAME_INSTITUTION = "(POSITION('/' IN c.class_id) = POSITION('/' IN t.ticket_id) "
            + "AND LEFT(c.class_id, POSITION('/' IN c.class_id)) = LEFT(t.ticket_id, POSITION('/' IN t.ticket_id)))";

    /** See {@link WaitingOnQuery}: one statement, each role's part of the queue an OR of its own. */
    @QueryHandler
    List<WaitingView> handle(WaitingOnQuery query) {
        String mine = query.inProgress()
                ? "t.staff_id = :me AND t.status NOT IN (:ended)"
                : "(t.staff_id = :me AND t.status IN ('READING', 'AWAITING_TEST', 'SUSPENDED'))"
                        + " OR (:librarian AND t.status IN ('AWAITING_SANDBOX_GRANT', 'AWAITING_REVIEW')"
                        + " AND t.staff_id <> :me)"
                        + " OR (:liaison AND t.status = 'AWAITING_ROLE_REQUEST' AND p.unit IN (:units))"
                        + " OR (:support AND t.status = 'AWAITING_ROLE_UPDATE')";
        List<String> ended = Arrays.stream(TicketStatus.values())
                .filter(status -> status.closed() || status.approved())
                .map(Enum::name)
                .toList();
        Instant now = Instant.now();
        String within = InstitutionScope.prefixOf(query.staffId());
        List<WaitingView> page = jdbc.sql("SELECT t.*, j.scope, j.name AS job_name" + WAITING_FROM + "WHERE ("
                        + mine + ") AND " + WITHIN_TICKET + " "
                        + "AND (CAST(:after AS TIMESTAMP WITH TIME ZONE) IS NULL OR t.status_since > :after "
                        + "OR (t.status_since = :after AND t.ticket_id > :afterId)) "
                        + "ORDER BY t.status_since, t.ticket_id LIMIT :limit")
                .param("me", query.staffId())
                .param("keysLike", InstitutionScope.keysLike(within))
                .param("keysNotLike", InstitutionScope.keysNotLike(within))
                .param("ended", ended)
                .param("librarian", query.roles().contains(Role.SYSTEMS_LIBRARIAN))
                .param(
                        "liaison",
                        query.roles().contains(Role.LIAISON)
                                && !query.liaisonUnits().isEmpty())
                .param("support", query.roles().contains(Role.SUPPORT_TEAM))
                // an IN list is never empty: a unit no one has stands for none
                .param("units", query.liaisonUnits().isEmpty() ? List.of("") : List.copyOf(query.liaisonUnits()))
                .param("after", query.afterSince() == null ? null : Columns.utc(query.afterSince()))
                .param("afterId", query.afterTicketId())
                .param("limit", query.limit())
                .query((rs, n) -> waiting(rs, now))
                .list();
        return page.stream().map(withClassesToAttend(page)).toList();
    }

    /**
     * See {@link OpenWaitsQuery}: the open tickets, each with the deadlines of the engine's last note on a wait
     * ({@code DeadlinesScheduled}) when that note is about the step the ticket waits on now.
     */
    @QueryHandler
    List<OpenWaitView> handle(OpenWaitsQuery query) {
        List<String> open = Arrays.stream(TicketStatus.values())
                .filter(status -> status.nextActor() != NextActor.NOBODY)
                .map(Enum::name)
                .toList();
        Instant now = Instant.now();
        List<OpenWaitView> waits = jdbc.sql("SELECT t.*, j.scope, j.name AS job_name, p.unit, h.details AS deadlines"
                        + WAITING_FROM
                        + "LEFT JOIN projection_ticket_history h ON h.ticket_id = t.ticket_id AND h.seq = "
                        + "(SELECT MAX(d.seq) FROM projection_ticket_history d WHERE d.ticket_id = t.ticket_id "
                        + "AND d.event_type = 'DeadlinesScheduled') "
                        + "WHERE t.status IN (:open) AND " + WITHIN_TICKET
                        + " ORDER BY t.status_since, t.ticket_id LIMIT :limit")
                .param("open", open)
                .param("keysLike", query.within().keysLike())
                .param("keysNotLike", query.within().keysNotLike())
                .param("limit", query.limit())
                .query((rs, n) -> {
                    WaitingView wait = waiting(rs, now);
                    String deadlines = rs.getString("deadlines");
                    Map<String, Object> scheduled = deadlines == null ? Map.of() : readDetails(deadlines);
                    boolean thisWait = wait.status().name().equals(scheduled.get("waitingOn"));
                    return new OpenWaitView(
                            wait,
                            rs.getString("unit"),
                            thisWait ? instant(scheduled.get("remindAt")) : null,
                            thisWait ? instant(scheduled.get("limitAt")) : null);
                })
                .list();
        UnaryOperator<WaitingView> classes =
                withClassesToAttend(waits.stream().map(OpenWaitView::ticket).toList());
        return waits.stream()
                .map(wait ->
                        new OpenWaitView(classes.apply(wait.ticket()), wait.unit(), wait.remindAt(), wait.limitAt()))
                .toList();
    }

    /**
     * What each ticket still reading waits on besides its readings: the classes its job requires now (those of every
     * job first, then its own) that its requester has not attended, read in one statement for the page's tickets.
     * Worked out when asked, so a class added to a job later counts for every ticket that has not asked yet.
     */
    private UnaryOperator<WaitingView> withClassesToAttend(List<WaitingView> page) {
        List<String> reading = page.stream()
                .filter(wait -> wait.status() == TicketStatus.READING)
                .map(WaitingView::ticketId)
                .toList();
        if (reading.isEmpty()) {
            return wait -> wait;
        }
        Map<String, List<ClassToAttend>> missing = new LinkedHashMap<>();
        // a class required of every job is required of every job of its own institution: the keys' prefixes match
        jdbc.sql("SELECT t.ticket_id, c.class_id, c.title FROM projection_ticket t JOIN projection_ticket_class c "
                        + "ON (c.required_of_every_job AND " + SAME_INSTITUTION
                        + ") OR EXISTS (SELECT 1 FROM projection_ticket_job_class r "
                        + "WHERE r.job_id = t.job_id AND r.class_id = c.class_id) "
                        + "WHERE t.ticket_id IN (:tickets) AND NOT EXISTS (SELECT 1 FROM projection_ticket_attendance a "
                        + "WHERE a.staff_id = t.staff_id AND a.class_id = c.class_id) "
                        + "ORDER BY t.ticket_id, CASE WHEN c.required_of_every_job THEN 0 ELSE 1 END, c.position")
                .param("tickets", reading)
                .query(rs -> {
                    missing.computeIfAbsent(rs.getString("ticket_id"), ticket -> new ArrayList<>())
                            .add(new ClassToAttend(rs.getString("class_id"), rs.getString("title")));
                });
        return wait ->
                missing.containsKey(wait.ticketId()) ? wait.withClassesToAttend(missing.get(wait.ticketId())) : wait;
    }

    private static WaitingView waiting(ResultSet rs, Instant now) throws SQLException {
        TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
        Instant since = Columns.instant(rs, "status_since");
        return new WaitingView(
                rs.getString("ticket_id"),
                rs.getString("staff_id"),
                rs.getString("job_id"),
                rs.getString("job_name"),
                rs.getString("scope"),
                rs.getString("variant"),
                status,
                status.step(),
                status.nextActor(),
                since,
                since == null ? null : Duration.between(since, now),
                List.of());
    }

    private static Instant instant(Object value) {
        return value instanceof String text ? Instant.parse(text) : null;
    }

    /**
     * See {@link StepStatisticsQuery}: folded from the histories of the tickets that changed in the period. A wait
     * counts in the period it ended; a step's time runs from the event that brought the ticket to it to the one that
     * moved it on.
     */
    @QueryHandler
    List<JobStatisticsView> handle(StepStatisticsQuery query) {
        Map<String, JobFold> jobs = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT * FROM projection_ticket_job WHERE (CAST(:scope AS VARCHAR(200)) IS NULL OR scope = :scope) "
                        + "AND (CAST(:job AS VARCHAR(200)) IS NULL OR job_id = :job) AND "
                        + "(job_id LIKE :keysLike ESCAPE '!' AND job_id NOT LIKE :keysNotLike ESCAPE '!') "
                        + "ORDER BY scope, name, job_id")
                .param("keysLike", query.within().keysLike())
                .param("keysNotLike", query.within().keysNotLike())
                .param("scope", query.scope())
                .param("job", query.jobId())
                .query(rs -> {
                    jobs.put(
                            rs.getString("job_id"),
                            new JobFold(rs.getString("job_id"), rs.getString("name"), rs.getString("scope")));
                });
        if (jobs.isEmpty()) {
            return List.of();
        }
        String[] current = {null, null}; // ticket, status
        Instant[] since = {null};
        jdbc.sql("SELECT t.job_id, h.ticket_id, h.event_type, h.occurred_at, h.status_after "
                        + "FROM projection_ticket_history h JOIN projection_ticket t ON t.ticket_id = h.ticket_id "
                        + "WHERE t.job_id IN (:jobs) AND t.opened_at < :to AND t.updated_at >= :from "
                        + "ORDER BY h.ticket_id, h.seq")
                .param("jobs", List.copyOf(jobs.keySet()))
                .param("from", Columns.utc(query.from()))
                .param("to", Columns.utc(query.to()))
                .query(rs -> {
                    JobFold job = jobs.get(rs.getString("job_id"));
                    String ticket = rs.getString("ticket_id");
                    String event = rs.getString("event_type");
                    String status = rs.getString("status_after");
                    Instant at = Columns.instant(rs, "occurred_at");
                    boolean inPeriod = !at.isBefore(query.from()) && at.isBefore(query.to());
                    if (!ticket.equals(current[0])) {
                        current[0] = ticket;
                        current[1] = null;
                    }
                    if (inPeriod) {
                        job.count(event, ticket);
                    }
                    if (!status.equals(current[1])) {
                        if (current[1] != null && inPeriod) {
                            job.waited(current[1], Duration.between(since[0], at));
                            job.reached(status);
                        } else if (current[1] == null && inPeriod && !"SignOffStarted".equals(event)) {
                            job.reached(status);
                        }
                        current[1] = status;
                        since[0] = at;
                    }
                });
        return jobs.values().stream().map(JobFold::view).toList();
    }

    /** The counts and wait times of one job, as its tickets' histories are read. */
    private static final class JobFold {
        private final String jobId;
        private final String name;
        private final String scope;
        private final Map<String, Long> reached = new java.util.HashMap<>();
        private final Map<String, List<Duration>> waits = new java.util.TreeMap<>();
        private final java.util.Set<String> tested = new java.util.HashSet<>();
        private long opened;
        private long retests;

        JobFold(String jobId, String name, String scope) {
            this.jobId = jobId;
            this.name = name;
            this.scope = scope;
        }

        void count(String event, String ticket) {
            switch (event) {
                case "SignOffStarted" -> opened++;
                case "RetestRequested" -> retests++;
                case "SandboxTestReported" -> tested.add(ticket);
                default -> {}
            }
        }

        void reached(String status) {
            reached.merge(status, 1L, Long::sum);
        }

        void waited(String step, Duration duration) {
            waits.computeIfAbsent(step, s -> new java.util.ArrayList<>()).add(duration);
        }

        JobStatisticsView view() {
            List<JobStatisticsView.StepTimes> steps = waits.entrySet().stream()
                    .map(wait -> {
                        List<Duration> sorted =
                                wait.getValue().stream().sorted().toList();
                        return new JobStatisticsView.StepTimes(
                                wait.getKey(), sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9));
                    })
                    .toList();
            return new JobStatisticsView(
                    jobId,
                    name,
                    scope,
                    opened,
                    reached.getOrDefault("COMPLETED", 0L),
                    reached.getOrDefault("DENIED", 0L),
                    reached.getOrDefault("WITHDRAWN", 0L),
                    reached.getOrDefault("REVOKED", 0L),
                    steps,
                    tested.isEmpty() ? 0 : (double) retests / tested.size(),
                    tested.size());
        }

        /** The nearest-rank percentile of sorted durations. */
        private static Duration rank(List<Duration> sorted, double percentile) {
            int rank = (int) Math.ceil(percentile * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }

    @QueryHandler
    Optional<TicketView> handle(FindTicketQuery query) {
        return jdbc.sql("SELECT * FROM projection_ticket WHERE ticket_id = ?")
                .param(query.ticketId())
                .query(TicketProjection::summary)
                .optional()
                .map(ticket -> {
                    List<HistoryEntryView> history = history(ticket.ticketId());
                    return new TicketView(ticket, history, training(history));
                });
    }

    /** The classes the ticket's request rested on, as its history entry keeps them (the last request's). */
    private static List<TrainingView> training(List<HistoryEntryView> history) {
        List<TrainingView> training = List.of();
        for (HistoryEntryView entry : history) {
            if (entry.event().equals(JobAccessRequested.class.getSimpleName())
                    && entry.details().get("training") instanceof List<?> classes) {
                training = classes.stream()
                        .filter(Map.class::isInstance)
                        .map(Map.class::cast)
                        .map(attended -> new TrainingView(
                                String.valueOf(attended.get("classId")),
                                String.valueOf(attended.get("title")),
                                LocalDate.parse(String.valueOf(attended.get("attendedOn")))))
                        .toList();
            }
        }
        return training;
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
        return jdbc.sql("SELECT * FROM projection_ticket t WHERE status IN (:statuses) AND " + WITHIN_TICKET
                        + " AND (CAST(:ref AS VARCHAR(200)) IS NULL OR support_ticket_ref = :ref) "
                        + "AND (CAST(:after AS TIMESTAMP WITH TIME ZONE) IS NULL OR updated_at > :after "
                        + "OR (updated_at = :after AND ticket_id > :afterId)) "
                        + "ORDER BY updated_at, ticket_id FETCH FIRST :limit ROWS ONLY")
                .param("statuses", statuses)
                .param("keysLike", query.within().keysLike())
                .param("keysNotLike", query.within().keysNotLike())
                .param("ref", query.supportTicketRef())
                .param("after", query.afterUpdatedAt() == null ? null : Columns.utc(query.afterUpdatedAt()))
                .param("afterId", query.afterTicketId() == null ? "" : query.afterTicketId())
                .param("limit", query.limit())
                .query(TicketProjection::summary)
                .list();
    }

    /**
     * See {@link AuditTrailQuery}. A person's history holds, besides the steps of tickets, each class they attended
     * and each attendance they recorded ({@code ClassAttended}, no ticket): ordered among the steps by time, then by
     * the attendee's staff id where a step has its ticket id, then by the place in that history.
     */
    @QueryHandler
    List<AuditEntryView> handle(AuditTrailQuery query) {
        String steps = "SELECT h.ticket_id, h.ticket_id AS sort_key, h.seq, h.event_type, h.performed_by, h.client, "
                + "h.occurred_at, h.status_after, h.details, t.staff_id AS requester, t.job_id, t.variant, "
                + "t.support_ticket_ref, CAST(NULL AS VARCHAR(255)) AS class_id, CAST(NULL AS VARCHAR(1000)) AS title, "
                + "CAST(NULL AS DATE) AS attended_on FROM projection_ticket_history h "
                + "JOIN projection_ticket t ON t.ticket_id = h.ticket_id WHERE ";
        String entries = query.staffId() != null
                ? steps + "(h.performed_by = :who OR t.staff_id = :who) UNION ALL SELECT NULL, a.staff_id, a.seq, "
                        + "'ClassAttended', a.recorded_by, a.client, a.occurred_at, NULL, NULL, a.staff_id, NULL, NULL, "
                        + "NULL, a.class_id, c.title, a.attended_on FROM projection_ticket_attendance a "
                        + "LEFT JOIN projection_ticket_class c ON c.class_id = a.class_id "
                        + "WHERE a.staff_id = :who OR a.recorded_by = :who"
                : steps + "t.job_id = :job";
        return jdbc.sql("SELECT * FROM (" + entries + ") e "
                        + "WHERE (CAST(:after AS TIMESTAMP WITH TIME ZONE) IS NULL OR e.occurred_at > :after "
                        + "OR (e.occurred_at = :after AND (e.sort_key > :afterId "
                        + "OR (e.sort_key = :afterId AND e.seq > :afterSeq)))) "
                        + "ORDER BY e.occurred_at, e.sort_key, e.seq FETCH FIRST :limit ROWS ONLY")
                .param("who", query.staffId())
                .param("job", query.jobId())
                .param("after", query.afterOccurredAt() == null ? null : Columns.utc(query.afterOccurredAt()))
                .param("afterId", query.afterTicketId() == null ? "" : query.afterTicketId())
                .param("afterSeq", query.afterSequence() == null ? -1L : query.afterSequence())
                .param("limit", query.limit())
                .query((rs, n) -> rs.getString("ticket_id") == null
                        ? attended(rs)
                        : new AuditEntryView(
                                rs.getString("ticket_id"),
                                rs.getString("job_id"),
                                rs.getString("variant"),
                                rs.getString("requester"),
                                rs.getString("support_ticket_ref"),
                                step(rs)))
                .list();
    }

    /** A class attended, as a step of the person's history: whose record, who recorded it, the class and the day. */
    private static AuditEntryView attended(ResultSet rs) throws SQLException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("classId", rs.getString("class_id"));
        details.put("title", rs.getString("title") == null ? rs.getString("class_id") : rs.getString("title"));
        details.put("attendedOn", rs.getObject("attended_on", LocalDate.class).toString());
        return new AuditEntryView(
                null,
                null,
                null,
                rs.getString("requester"),
                null,
                new HistoryEntryView(
                        rs.getLong("seq"),
                        ClassAttended.class.getSimpleName(),
                        rs.getString("performed_by"),
                        rs.getString("client"),
                        Columns.instant(rs, "occurred_at"),
                        null,
                        details));
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

    /**
     * The event's own data: everything but the ticket id and performer, which the entry shows already. A step that
     * may give roles in Alma says whether it did ({@code appliedInAlma}): one taken by hand carries no roles at all.
     * A request's classes carry their titles.
     */
    private String details(TicketEvent event) {
        ObjectNode node = json.valueToTree(event);
        node.remove("ticketId");
        node.remove("performedBy");
        if (event instanceof SandboxAccessGranted granted) {
            node.put("appliedInAlma", granted.almaRolesAdded() != null);
        } else if (event instanceof ProductionRoleUpdated updated) {
            node.put("appliedInAlma", updated.almaRolesAdded() != null);
        } else if (event instanceof JobAccessRequested && node.get("training") instanceof ArrayNode training) {
            training.forEach(attended -> ((ObjectNode) attended)
                    .put("title", title(attended.path("classId").asText())));
        }
        return node.toString();
    }

    /** A class's title, as the request's history entry shows it; its id should the class be unknown. */
    private String title(String classId) {
        return jdbc.sql("SELECT title FROM projection_ticket_class WHERE class_id = ?")
                .param(classId)
                .query(String.class)
                .optional()
                .orElse(classId);
    }

    private Map<String, Object> readDetails(String text) {
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable history details: " + text, e);
        }
    }
}
