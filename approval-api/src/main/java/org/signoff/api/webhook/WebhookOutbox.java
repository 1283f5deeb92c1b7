package org.signoff.api.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.projections.Columns;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketLifecycle;

/**
 * The outbox. A tracking processor of its own turns each ticket event into one delivery per matching subscription,
 * in the transaction that also moves its token: a notification is written once, after its event is durable, and a
 * crash loses none. Never replayed: a replay would tell the receivers old news again.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
@DisallowReplay
class WebhookOutbox {

    static final String PROCESSING_GROUP = "webhook-outbox";

    private final JdbcClient jdbc;

    WebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TicketEvent event, EventMessage<?> message, @Timestamp Instant at) {
        String kind = event.getClass().getSimpleName();
        List<Subscriber> subscribers = jdbc.sql("SELECT subscription_id, events FROM webhook_subscription WHERE active")
                .query((rs, n) -> new Subscriber(rs.getString(1), Columns.names(rs.getString(2))))
                .list();
        String payload = null;
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.events().isEmpty() && !subscriber.events().contains(kind)) {
                continue;
            }
            if (payload == null) {
                payload = payload(event, message.getIdentifier(), kind, at);
            }
            jdbc.sql("INSERT INTO webhook_delivery (notification_id, subscription_id, payload, status, attempts, "
                            + "next_attempt_at, created_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)")
                    .params(message.getIdentifier(), subscriber.id(), payload, Columns.utc(at), Columns.utc(at))
                    .update();
        }
    }

    /** What the receiver is told: which ticket, what happened, and the step it now waits on. */
    private static String payload(TicketEvent event, String notificationId, String kind, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", notificationId);
        body.put("event", kind);
        body.put("ticketId", event.ticketId().value());
        body.put(
                "performedBy",
                event.performedBy() == null ? null : event.performedBy().value());
        if (event instanceof JobAccessRequested requested) {
            body.put("supportTicketRef", requested.supportTicketRef());
        }
        body.put("at", at.toString());
        TicketLifecycle.statusSetBy(event).ifPresent(status -> {
            body.put("status", status.name());
            body.put("step", status.step());
            body.put("closed", status.closed());
        });
        return Columns.json(body);
    }

    private record Subscriber(String id, List<String> events) {}
}
