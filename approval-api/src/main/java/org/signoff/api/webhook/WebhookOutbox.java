package org.signoff.api.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.catalog.api.JobId;
import org.signoff.common.InstitutionScope;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.storage.Columns;
import org.signoff.storage.PersonalData;
import org.signoff.ticket.api.DeadlinesScheduled;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.NextActor;
import org.signoff.ticket.api.ProductionUseRecertified;
import org.signoff.ticket.api.ReattestationRequired;
import org.signoff.ticket.api.RecertificationRequested;
import org.signoff.ticket.api.ReminderIssued;
import org.signoff.ticket.api.SandboxRunSeen;
import org.signoff.ticket.api.SignOffValidUntil;
import org.signoff.ticket.api.TicketEscalated;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketOpened;
import org.signoff.ticket.api.TicketStatus;

/**
 * The outbox. A tracking processor of its own turns each ticket event into one delivery per matching subscription,
 * in the transaction that also moves its token: a notification is written once, after its event is durable, and a
 * crash loses none. Never replayed: a replay would tell the receivers old news again.
 *
 * <p>It keeps what it knows of each ticket in {@code webhook_ticket}, so every notification names the job, the
 * support ticket, where the ticket stands and who must act next, whatever the event itself carries.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
@DisallowReplay
class WebhookOutbox {

    static final String PROCESSING_GROUP = "webhook-outbox";

    /** The unit of work's resource under which a batch keeps the subscriptions it read. */
    private static final String SUBSCRIBERS = WebhookOutbox.class.getName() + ".subscribers";

    /** Every event kind a subscriber can hear of: all but the engine's note of a wait's deadlines. */
    static final Set<String> NOTIFIED_KINDS = Arrays.stream(TicketEvent.class.getPermittedSubclasses())
            .filter(kind -> kind != DeadlinesScheduled.class && kind != SignOffValidUntil.class) // engine's notes
            .map(Class::getSimpleName)
            .collect(Collectors.toUnmodifiableSet());

    private final JdbcClient jdbc;
    private final EventStore eventStore;
    private final JobCatalog catalog;
    private final StaffDirectory directory;

    WebhookOutbox(JdbcClient jdbc, EventStore eventStore, JobCatalog catalog, StaffDirectory directory) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.catalog = catalog;
        this.directory = directory;
    }

    /** Notifications kept (delivered or not) name an erased person only as they show now. */
    @EventHandler
    void on(StaffMemberErased event) {
        PersonalData.erasedStaffId(jdbc, event).ifPresent(staffId -> {
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "webhook_ticket", List.of("staff_id"), List.of());
            PersonalData.replace(jdbc, staffId, event.erasedAs(), "webhook_delivery", List.of(), List.of("payload"));
        });
    }

    @EventHandler
    void on(TicketEvent event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        String kind = event.getClass().getSimpleName();
        if (!NOTIFIED_KINDS.contains(kind)) {
            return;
        }
        List<Subscriber> subscribers = subscribers();
        if (subscribers.stream().noneMatch(subscriber -> subscriber.hears(kind))) {
            return; // nobody to tell: the ticket's facts are rebuilt from the store when someone is
        }
        Ticket ticket = remember(event, sequence);
        String scope = catalog.find(JobId.of(ticket.jobId()))
                .map(job -> job.definition().scope())
                .orElse(null);
        String payload = null;
        // a subscription hears of its own institution's tickets only, and reads the ids as its institution names them
        String institution = InstitutionScope.prefixOf(event.ticketId().value());
        for (Subscriber subscriber : subscribers) {
            if (!InstitutionScope.prefixOf(subscriber.id()).equals(institution)
                    || !subscriber.wants(kind, ticket.jobId(), scope)) {
                continue;
            }
            if (payload == null) {
                payload = InstitutionScope.namesIn(
                        payload(event, sequence, ticket, scope, message.getIdentifier(), kind, at), institution);
            }
            jdbc.sql("INSERT INTO webhook_delivery (notification_id, subscription_id, payload, status, attempts, "
                            + "next_attempt_at, created_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)")
                    .params(message.getIdentifier(), subscriber.id(), payload, Columns.utc(at), Columns.utc(at))
                    .update();
        }
    }

    /**
     * The active subscriptions, read once per batch of events (the processor's unit of work): one created meanwhile
     * hears from the next batch on.
     */
    private List<Subscriber> subscribers() {
        return CurrentUnitOfWork.map(
                        unitOfWork -> unitOfWork.root().getOrComputeResource(SUBSCRIBERS, key -> activeSubscribers()))
                .orElseGet(this::activeSubscribers);
    }

    private List<Subscriber> activeSubscribers() {
        return jdbc.sql("SELECT subscription_id, events, jobs, scopes FROM webhook_subscription WHERE active")
                .query((rs, n) -> new Subscriber(
                        rs.getString(1),
                        Columns.names(rs.getString(2)),
                        Columns.names(rs.getString(3)),
                        Columns.names(rs.getString(4))))
                .list();
    }

    /**
     * The ticket as it stands after the event. Facts kept as of the event before are brought forward; missing or
     * further behind (the ticket is older than the outbox, or nobody listened meanwhile), they are rebuilt from the
     * ticket's events in the store.
     */
    private Ticket remember(TicketEvent event, long sequence) {
        String ticketId = event.ticketId().value();
        Ticket after = event instanceof TicketOpened opened
                ? Ticket.openedBy(opened, event)
                : known(ticketId, sequence - 1)
                        .orElseGet(() -> rebuildBefore(ticketId, sequence))
                        .after(event);
        jdbc.sql("DELETE FROM webhook_ticket WHERE ticket_id = ?")
                .param(ticketId)
                .update();
        jdbc.sql("INSERT INTO webhook_ticket (ticket_id, job_id, variant, staff_id, support_ticket_ref, status, "
                        + "last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        ticketId,
                        after.jobId(),
                        after.variant(),
                        after.staffId(),
                        after.supportTicketRef(),
                        after.status().name(),
                        sequence)
                .update();
        return after;
    }

    private Optional<Ticket> known(String ticketId, long asOfSequence) {
        return jdbc.sql("SELECT job_id, variant, staff_id, support_ticket_ref, status FROM webhook_ticket "
                        + "WHERE ticket_id = ? AND last_sequence = ?")
                .params(ticketId, asOfSequence)
                .query((rs, n) -> new Ticket(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        TicketStatus.valueOf(rs.getString(5))))
                .optional();
    }

    /** The ticket up to (not including) its event {@code sequence}, from the event store. */
    private Ticket rebuildBefore(String ticketId, long sequence) {
        Ticket ticket = null;
        for (DomainEventMessage<?> earlier : eventStore
                .readEvents(ticketId)
                .asStream()
                .takeWhile(message -> message.getSequenceNumber() < sequence)
                .toList()) {
            if (earlier.getPayload() instanceof TicketOpened opened) {
                ticket = Ticket.openedBy(opened, (TicketEvent) opened);
            } else if (ticket != null && earlier.getPayload() instanceof TicketEvent step) {
                ticket = ticket.after(step);
            }
        }
        if (ticket == null) {
            throw new IllegalStateException("Ticket " + ticketId + " has no opening event before " + sequence);
        }
        return ticket;
    }

    /** What the receiver is told: which ticket, what happened, the step it now waits on and who must act. */
    private String payload(
            TicketEvent event,
            long sequence,
            Ticket ticket,
            String scope,
            String notificationId,
            String kind,
            Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", notificationId);
        body.put("event", kind);
        body.put("at", at.toString());
        body.put("ticketId", event.ticketId().value());
        // the event's place in the ticket's history: deliveries may arrive out of order, this puts them back
        body.put("sequence", sequence);
        body.put("supportTicketRef", ticket.supportTicketRef());
        body.put("jobId", ticket.jobId());
        body.put("variant", ticket.variant());
        body.put("scope", scope);
        body.put("requester", ticket.staffId());
        body.put(
                "performedBy",
                event.performedBy() == null ? null : event.performedBy().value());
        TicketStatus status = ticket.status();
        body.put("status", status.name());
        body.put("step", status.step());
        body.put("closed", status.closed());
        body.put("nextActor", nextActor(ticket));
        if (event instanceof RecertificationRequested requested) {
            // the ticket is done, but its sign-off needs the job's systems librarians before it lapses
            body.put("nextActor", Map.of("role", NextActor.SYSTEMS_LIBRARIAN.name()));
            // null, here and below: a campaign asked about a sign-off of a job whose sign-offs do not expire
            body.put("validUntil", Objects.toString(requested.until(), null));
        } else if (event instanceof ProductionUseRecertified recertified) {
            body.put("validUntil", Objects.toString(recertified.until(), null));
        } else if (event instanceof ReattestationRequired required) {
            // the sign-off stays in force, but its holder must confirm the new versions by then
            body.put("nextActor", Map.of("role", NextActor.REQUESTER.name(), "staffId", ticket.staffId()));
            body.put("dueBy", required.dueBy().toString());
            body.put(
                    "readings",
                    required.readings().stream()
                            .map(reading -> Map.of(
                                    "documentId", reading.documentId(),
                                    "title", reading.title(),
                                    "version", reading.version()))
                            .toList());
        } else if (event instanceof SandboxRunSeen seen) {
            // the requester is told: reporting this run as the test is one call
            body.put(
                    "almaRun",
                    Map.of(
                            "almaJobId", seen.run().almaJobId(),
                            "instanceId", seen.run().instanceId(),
                            "status", Objects.toString(seen.run().status(), "")));
        } else if (event instanceof ReminderIssued reminder) {
            body.put("waitingSince", reminder.waitingSince().toString());
        } else if (event instanceof TicketEscalated escalated) {
            body.put("waitingSince", escalated.waitingSince().toString());
            body.put("escalatedTo", NextActor.SYSTEMS_LIBRARIAN.name());
        }
        return Columns.json(body);
    }

    /** Who must act: a role, with the person (the requester) or the unit (whose liaison) where it is one. */
    private Map<String, Object> nextActor(Ticket ticket) {
        NextActor actor = ticket.status().nextActor();
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("role", actor.name());
        if (actor == NextActor.REQUESTER) {
            next.put("staffId", ticket.staffId());
        } else if (actor == NextActor.LIAISON) {
            next.put(
                    "unit",
                    directory
                            .find(StaffId.of(ticket.staffId()))
                            .map(StaffMembership::unit)
                            .orElse(null));
        }
        return next;
    }

    /** What the outbox keeps of a ticket. */
    private record Ticket(String jobId, String variant, String staffId, String supportTicketRef, TicketStatus status) {

        static Ticket openedBy(TicketOpened opened, TicketEvent event) {
            return new Ticket(
                    opened.jobId().value(),
                    opened.variant(),
                    opened.staffId().value(),
                    null,
                    TicketLifecycle.statusAfter(null, event));
        }

        Ticket after(TicketEvent event) {
            String ref =
                    event instanceof JobAccessRequested requested ? requested.supportTicketRef() : supportTicketRef;
            return new Ticket(jobId, variant, staffId, ref, TicketLifecycle.statusAfter(status, event));
        }
    }

    /** A subscription's filters: each empty one lets everything through. */
    private record Subscriber(String id, List<String> events, List<String> jobs, List<String> scopes) {

        boolean hears(String kind) {
            return events.isEmpty() || events.contains(kind);
        }

        boolean wants(String kind, String jobId, String scope) {
            return (events.isEmpty() || events.contains(kind))
                    && (jobs.isEmpty() || jobs.contains(jobId))
                    && (scopes.isEmpty() || scopes.contains(scope));
        }
    }
}
