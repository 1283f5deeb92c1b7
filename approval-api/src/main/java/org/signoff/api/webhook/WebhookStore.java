package org.signoff.api.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.common.Rejection;
import org.signoff.projections.Columns;
import org.signoff.ticket.api.TicketEvent;

/** Tables {@code webhook_subscription} and {@code webhook_delivery}, as the API manages and reads them. */
@Component
class WebhookStore {

    /** Where a delivery stands. */
    enum DeliveryStatus {
        PENDING,
        DELIVERED,
        PARKED
    }

    static final Set<String> EVENT_KINDS = Arrays.stream(TicketEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toSet());

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Subscription(String subscriptionId, String url, List<String> events, boolean active) {}

    record Delivery(
            String notificationId,
            String subscriptionId,
            DeliveryStatus status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt) {}

    /** A new subscription to the event kinds named (none for all); an unknown kind or a taken id is refused. */
    Subscription subscribe(String subscriptionId, String url, String secret, Set<String> events) {
        List<String> unknown =
                events.stream().filter(e -> !EVENT_KINDS.contains(e)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw Rejection.INVALID_DEFINITION.because("No such event kinds: " + unknown + "; there are "
                    + EVENT_KINDS.stream().sorted().toList());
        }
        try {
            jdbc.sql("INSERT INTO webhook_subscription (subscription_id, url, secret, events, active, created_at) "
                            + "VALUES (?, ?, ?, ?, TRUE, ?)")
                    .params(subscriptionId, url, secret, Columns.names(events), Columns.utc(clock.instant()))
                    .update();
        } catch (DuplicateKeyException exists) {
            throw Rejection.ALREADY_EXISTS.because("There is a subscription '" + subscriptionId + "'");
        }
        return new Subscription(subscriptionId, url, events.stream().sorted().toList(), true);
    }

    /** The subscriptions, without their secrets. */
    List<Subscription> subscriptions() {
        return jdbc.sql("SELECT * FROM webhook_subscription ORDER BY subscription_id FETCH FIRST 1000 ROWS ONLY")
                .query((rs, n) -> new Subscription(
                        rs.getString("subscription_id"),
                        rs.getString("url"),
                        Columns.names(rs.getString("events")),
                        rs.getBoolean("active")))
                .list();
    }

    /** A subscription's deliveries, newest first, at one status if asked. */
    List<Delivery> deliveries(String subscriptionId, DeliveryStatus status) {
        String wanted = status == null ? null : status.name();
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE subscription_id = ? "
                        + "AND (CAST(? AS VARCHAR(20)) IS NULL OR status = ?) "
                        + "ORDER BY created_at DESC, notification_id FETCH FIRST 1000 ROWS ONLY")
                .params(subscriptionId, wanted, wanted)
                .query((rs, n) -> new Delivery(
                        rs.getString("notification_id"),
                        rs.getString("subscription_id"),
                        DeliveryStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getObject("last_status") == null ? null : rs.getInt("last_status"),
                        rs.getString("last_error"),
                        Columns.instant(rs, "next_attempt_at"),
                        Columns.instant(rs, "delivered_at")))
                .list();
    }

    /** The parked deliveries of a subscription go out again, from now. */
    void redeliverParked(String subscriptionId) {
        jdbc.sql("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                        + "WHERE subscription_id = ? AND status = 'PARKED'")
                .params(Columns.utc(clock.instant()), subscriptionId)
                .update();
    }
}
