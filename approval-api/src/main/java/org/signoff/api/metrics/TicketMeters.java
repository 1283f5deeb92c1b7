package org.signoff.api.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import org.signoff.catalog.api.JobId;
import org.signoff.common.InstitutionScope;
import org.signoff.lookup.CatalogEntry;
import org.signoff.lookup.JobCatalog;
import org.signoff.projections.ticket.api.FindTicketQuery;
import org.signoff.projections.ticket.api.TicketView;
import org.signoff.ticket.api.SignOffMigrated;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketLifecycle;
import org.signoff.ticket.api.TicketStatus;

/**
 * Counts tickets as they open and end, per scope ({@code approval.tickets}, tag {@code outcome}), and times each
 * step a ticket waited on until it moved on ({@code approval.step.duration}, tag {@code step}). It hears the events
 * in the transaction that appends them, and counts once that commits: a node counts the steps it took. A ticket
 * whose step began before this process started is counted but its step not timed.
 */
@Component
@ProcessingGroup(MetricsConfiguration.PROCESSING_GROUP)
class TicketMeters {

    private final MeterRegistry registry;
    private final JobCatalog catalog;
    private final QueryGateway queries;
    /** the open tickets this process saw enter their step: scope, step, since when */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    TicketMeters(MeterRegistry registry, JobCatalog catalog, QueryGateway queries) {
        this.registry = registry;
        this.catalog = catalog;
        this.queries = queries;
    }

    @EventHandler
    void on(TicketEvent event, @Timestamp Instant at) {
        String ticket = event.ticketId().value();
        if (!InstitutionScope.prefixOf(ticket).isEmpty()) {
            return; // the engine's meters are its operators', the default institution's: a member's are its own
        }
        if (event instanceof SignOffMigrated migrated) {
            String scope = scopeOf(migrated.jobId());
            afterCommit(() -> tickets(scope, "migrated").increment());
            return;
        }
        if (event instanceof SignOffStarted started) {
            String scope = scopeOf(started.jobId());
            afterCommit(() -> {
                tickets(scope, "opened").increment();
                waiting.put(ticket, new Waiting(scope, TicketLifecycle.OPENED, at));
            });
            return;
        }
        Optional<TicketStatus> next = TicketLifecycle.statusSetBy(event);
        if (next.isEmpty()) {
            return;
        }
        TicketStatus status = next.get();
        afterCommit(() -> {
            Waiting before = waiting.remove(ticket);
            String scope = before != null ? before.scope() : scopeOfTicket(ticket);
            if (before != null && before.step() != status) {
                stepDuration(scope, before.step()).record(Duration.between(before.since(), at));
            }
            outcome(status).ifPresent(outcome -> tickets(scope, outcome).increment());
            if (!status.closed()) {
                waiting.put(ticket, new Waiting(scope, status, at));
            }
        });
    }

    /** What a status means for the count of tickets: completed, denied, withdrawn, revoked, and the other ends. */
    private static Optional<String> outcome(TicketStatus status) {
        return switch (status) {
            case COMPLETED, DENIED, WITHDRAWN, REVOKED, LAPSED, REQUESTER_LEFT, SUSPENDED ->
                Optional.of(status.name().toLowerCase(Locale.ROOT));
            default -> Optional.empty();
        };
    }

    private Counter tickets(String scope, String outcome) {
        return Counter.builder("approval.tickets")
                .description("Tickets opened, and tickets reaching an end (completed, denied, withdrawn, revoked, "
                        + "lapsed, requester_left) or suspended")
                .tag("scope", scope)
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * The histogram's buckets: the waits' reminders and limits (README, Deadlines) and their neighbours. Fixed and few
     * (with {@code +Inf}, 13 series per scope and step), where a percentile histogram from a second to 90 days made
     * about 70.
     */
    static final Duration[] STEP_BUCKETS = {
        Duration.ofHours(1),
        Duration.ofHours(8),
        Duration.ofDays(1),
        Duration.ofDays(2),
        Duration.ofDays(3),
        Duration.ofDays(5),
        Duration.ofDays(7),
        Duration.ofDays(10),
        Duration.ofDays(14),
        Duration.ofDays(30),
        Duration.ofDays(60),
        Duration.ofDays(90)
    };

    private Timer stepDuration(String scope, TicketStatus step) {
        return Timer.builder("approval.step.duration")
                .description("How long a ticket waited on a step before it moved on")
                .tag("scope", scope)
                .tag("step", step.name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(STEP_BUCKETS)
                .register(registry);
    }

    private String scopeOf(JobId jobId) {
        return catalog.find(jobId)
                .map(CatalogEntry::definition)
                .map(d -> d.scope())
                .orElse("unknown");
    }

    private String scopeOfTicket(String ticketId) {
        return queries.query(new FindTicketQuery(ticketId), ResponseTypes.optionalInstanceOf(TicketView.class))
                .thenApply(view -> view.map(
                                found -> scopeOf(JobId.of(found.ticket().jobId())))
                        .orElse("unknown"))
                .exceptionally(failure -> "unknown")
                .join();
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }

    private record Waiting(String scope, TicketStatus step, Instant since) {}
}
