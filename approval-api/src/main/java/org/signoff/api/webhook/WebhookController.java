package org.signoff.api.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.input.Identifier;
import org.signoff.common.Rejection;
import org.signoff.projections.Columns;
import org.signoff.ticket.api.TicketEvent;

/**
 * Webhook subscriptions and their delivery log, for administrators. (A first cut: subscriptions are kept in a
 * table, not yet as events.)
 */
@RestController
@RequestMapping("/webhooks")
class WebhookController {

    private static final Set<String> EVENT_KINDS = java.util.Arrays.stream(TicketEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(java.util.stream.Collectors.toSet());

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    WebhookController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param events the event kinds to hear of, e.g. {@code ProductionUseApproved}; none for all */
    record Subscribe(
            @NotBlank @Identifier String subscriptionId,

            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String url,

            @NotBlank @Size(min = 16, max = 200) String secret,
            @Size(max = 20) Set<@NotBlank String> events) {}

    record SubscriptionView(String subscriptionId, String url, List<String> events, boolean active) {}

    record DeliveryView(
            String notificationId,
            String subscriptionId,
            String status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt,
            Instant deliveredAt) {}

    @PostMapping
    ResponseEntity<SubscriptionView> subscribe(@Valid @RequestBody Subscribe body) {
        Set<String> events = body.events() == null ? Set.of() : body.events();
        List<String> unknown =
                events.stream().filter(e -> !EVENT_KINDS.contains(e)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw Rejection.INVALID_DEFINITION.because("No such event kinds: " + unknown + "; there are "
                    + EVENT_KINDS.stream().sorted().toList());
        }
        try {
            jdbc.sql("INSERT INTO webhook_subscription (subscription_id, url, secret, events, active, created_at) "
                            + "VALUES (?, ?, ?, ?, TRUE, ?)")
                    .params(
                            body.subscriptionId(),
                            body.url(),
                            body.secret(),
                            Columns.names(events),
                            Columns.utc(clock.instant()))
                    .update();
        } catch (DuplicateKeyException exists) {
            throw Rejection.ALREADY_EXISTS.because("There is a subscription '" + body.subscriptionId() + "'");
        }
        return ResponseEntity.created(URI.create("/webhooks/" + body.subscriptionId()))
                .body(new SubscriptionView(
                        body.subscriptionId(),
                        body.url(),
                        events.stream().sorted().toList(),
                        true));
    }

    /** The subscriptions, without their secrets. */
    @GetMapping
    List<SubscriptionView> subscriptions() {
        return jdbc.sql("SELECT * FROM webhook_subscription ORDER BY subscription_id FETCH FIRST 1000 ROWS ONLY")
                .query((rs, n) -> new SubscriptionView(
                        rs.getString("subscription_id"),
                        rs.getString("url"),
                        Columns.names(rs.getString("events")),
                        rs.getBoolean("active")))
                .list();
    }

    /** The delivery log of a subscription, newest first: attempts, the receiver's last answer, what is next. */
    @GetMapping("/{subscriptionId}/deliveries")
    List<DeliveryView> deliveries(@PathVariable String subscriptionId, @RequestParam(required = false) String status) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE subscription_id = ? "
                        + "AND (CAST(? AS VARCHAR(20)) IS NULL OR status = ?) "
                        + "ORDER BY created_at DESC, notification_id FETCH FIRST 1000 ROWS ONLY")
                .params(subscriptionId, status, status)
                .query((rs, n) -> new DeliveryView(
                        rs.getString("notification_id"),
                        rs.getString("subscription_id"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        (Integer) rs.getObject("last_status") == null ? null : rs.getInt("last_status"),
                        rs.getString("last_error"),
                        Columns.instant(rs, "next_attempt_at"),
                        Columns.instant(rs, "delivered_at")))
                .list();
    }

    /** Parked deliveries of a subscription go out again, from now. */
    @PostMapping("/{subscriptionId}/redelivery")
    ResponseEntity<Void> redeliver(@PathVariable String subscriptionId) {
        jdbc.sql("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                        + "WHERE subscription_id = ? AND status = 'PARKED'")
                .params(Columns.utc(clock.instant()), subscriptionId)
                .update();
        return ResponseEntity.noContent().build();
    }
}
