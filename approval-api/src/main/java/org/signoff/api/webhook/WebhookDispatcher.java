package org.signoff.api.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.storage.Columns;

/**
 * Posts the outbox's due notifications, off the command path, on a scheduler thread of its own, each with a
 * connect and answer timeout so a hanging receiver cannot hold it. A 2xx delivers; anything else is retried with
 * exponential backoff and jitter, and after {@code approval.webhooks.max-attempts} the delivery is parked, visible
 * in the delivery log until an operator sends it again.
 *
 * <p>Each post is signed as Standard Webhooks says: {@code webhook-id} (the notification's id, the same on every
 * retry), {@code webhook-timestamp} (seconds, of this attempt) and {@code webhook-signature}, a {@code v1,<base64
 * HMAC-SHA256(key, id + "." + timestamp + "." + body)>} for each secret the subscription signs with, separated by
 * spaces: during a rotation's overlap the new secret's and the old one's.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final JdbcClient jdbc;
    private final WebhookStore store;
    private final ApprovalProperties.Webhooks settings;
    private final HttpClient http;
    private final Clock clock = Clock.systemUTC();

    WebhookDispatcher(JdbcClient jdbc, WebhookStore store, ApprovalProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.settings = properties.webhooks();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private record Due(
            String notificationId,
            String subscriptionId,
            String url,
            String payload,
            int attempts,
            Instant nextAttemptAt) {}

    @Scheduled(fixedDelayString = "${approval.webhooks.poll-interval:PT0.5S}")
    void deliverDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("SELECT d.notification_id, d.subscription_id, s.url, d.payload, d.attempts, "
                        + "d.next_attempt_at FROM webhook_delivery d "
                        + "JOIN webhook_subscription s ON s.subscription_id = d.subscription_id "
                        + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND s.active "
                        + "ORDER BY d.next_attempt_at FETCH FIRST 50 ROWS ONLY")
                .param(Columns.utc(now))
                .query((rs, n) -> new Due(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        Columns.instant(rs, "next_attempt_at")))
                .list();
        if (due.isEmpty()) {
            return;
        }
        store.forgetRetiredSecrets(now);
        Map<String, List<SigningSecret>> secrets =
                store.signingSecrets(due.stream().map(Due::subscriptionId).collect(Collectors.toSet()), now);
        List<CompletableFuture<Void>> sending = due.stream()
                .filter(this::claim)
                .map(delivery -> deliver(delivery, secrets.getOrDefault(delivery.subscriptionId(), List.of())))
                .toList();
        CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Takes a delivery for this attempt: its next attempt moves past the time the attempt can take, so no other
     * node (nor the next poll) sends it meanwhile. Should this node die mid-attempt, the lease runs out and the
     * delivery is sent again: at least once.
     */
    private boolean claim(Due delivery) {
        Instant leaseEnd =
                clock.instant().plus(settings.timeout().multipliedBy(2)).plusSeconds(1);
        return jdbc.sql("UPDATE webhook_delivery SET next_attempt_at = ? WHERE notification_id = ? "
                                + "AND subscription_id = ? AND status = 'PENDING' AND next_attempt_at = ?")
                        .params(
                                Columns.utc(leaseEnd),
                                delivery.notificationId(),
                                delivery.subscriptionId(),
                                Columns.utc(delivery.nextAttemptAt()))
                        .update()
                == 1;
    }

    /** Posts without holding a thread while the receiver thinks; the batch runs side by side. */
    private CompletableFuture<Void> deliver(Due delivery, List<SigningSecret> secrets) {
        long timestamp = clock.instant().getEpochSecond();
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", delivery.notificationId())
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", signatures(secrets, delivery, timestamp))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
        } catch (IllegalArgumentException badUrl) {
            record(delivery, null, badUrl.getClass().getSimpleName(), 0);
            return CompletableFuture.completedFuture(null);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            record(
                    delivery,
                    response == null ? null : response.statusCode(),
                    cause == null ? null : cause.getClass().getSimpleName(),
                    millis);
            return null;
        });
    }

    private void record(Due delivery, Integer status, String error, int latencyMillis) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        if (status != null && status >= 200 && status < 300) {
            jdbc.sql("UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, last_status = ?, "
                            + "last_error = NULL, last_latency_ms = ?, delivered_at = ? "
                            + "WHERE notification_id = ? AND subscription_id = ?")
                    .params(
                            attempts,
                            status,
                            latencyMillis,
                            Columns.utc(now),
                            delivery.notificationId(),
                            delivery.subscriptionId())
                    .update();
            return;
        }
        boolean park = attempts >= settings.maxAttempts();
        jdbc.sql("UPDATE webhook_delivery SET status = ?, attempts = ?, last_status = ?, last_error = ?, "
                        + "last_latency_ms = ?, next_attempt_at = ? WHERE notification_id = ? AND subscription_id = ?")
                .params(
                        park ? "PARKED" : "PENDING",
                        attempts,
                        status,
                        error,
                        latencyMillis,
                        Columns.utc(now.plus(backoff(attempts))),
                        delivery.notificationId(),
                        delivery.subscriptionId())
                .update();
        if (park) {
            log.warn(
                    "Webhook delivery {} to subscription {} parked after {} attempts",
                    delivery.notificationId(),
                    delivery.subscriptionId(),
                    attempts);
        }
    }

    /** The wait after the n-th failed attempt: doubling from the initial one up to the maximum, ±50% jitter. */
    private Duration backoff(int attempts) {
        long base = settings.initialBackoff().toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        return Duration.ofMillis(
                (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    /** One signature by each secret, newest first, as the standard lists them: separated by spaces. */
    private static String signatures(List<SigningSecret> secrets, Due delivery, long timestamp) {
        return secrets.stream()
                .map(secret -> secret.sign(delivery.notificationId(), timestamp, delivery.payload()))
                .collect(Collectors.joining(" "));
    }
}
