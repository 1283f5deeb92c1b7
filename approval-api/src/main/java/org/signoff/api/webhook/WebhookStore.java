package org.signoff.api.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.signoff.api.durability.Durability;
import org.signoff.common.InstitutionScope;
import org.signoff.common.Rejection;
import org.signoff.storage.Columns;

/**
 * Tables {@code webhook_subscription}, {@code webhook_secret} and {@code webhook_delivery}, as the API manages and
 * reads them, and the secrets each subscription signs with.
 */
@Component
class WebhookStore {

    /** Where a delivery stands. */
    enum DeliveryStatus {
        PENDING,
        DELIVERED,
        PARKED
    }

    private final JdbcClient jdbc;
    private final Durability durability;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    WebhookStore(JdbcClient jdbc, Durability durability, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.durability = durability;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A subscription as the API shows it, without its secret.
     *
     * @param events the event kinds it hears of; empty for all
     * @param jobs   the jobs whose tickets it hears of; empty for all
     * @param scopes the scopes (of the master list) whose jobs it hears of; empty for all
     */
    record Subscription(
            String subscriptionId,
            String url,
            List<String> events,
            List<String> jobs,
            List<String> scopes,
            boolean active) {}

    /**
     * A rotation of a subscription's secret.
     *
     * @param previousSecretsUntil until when the secrets it replaced still sign, beside the new one
     */
    record SecretRotation(String subscriptionId, Instant rotatedAt, Instant previousSecretsUntil) {}

    record Delivery(
            String notificationId,
            String subscriptionId,
            DeliveryStatus status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Integer lastLatencyMillis,
            Instant nextAttemptAt,
            Instant deliveredAt) {}

    /**
     * A new subscription to the event kinds, jobs and scopes named (each empty for all), signing with {@code secret}
     * (a {@code whsec_} one); an unknown kind or a taken id is refused. Jobs and scopes are not checked against the
     * catalog: a subscription may wait for a job to come.
     */
    Subscription subscribe(
            String subscriptionId,
            String url,
            String secret,
            Set<String> events,
            Set<String> jobs,
            Set<String> scopes) {
        List<String> unknown = events.stream()
                .filter(e -> !WebhookOutbox.NOTIFIED_KINDS.contains(e))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw Rejection.INVALID_DEFINITION.because("No such event kinds: " + unknown + "; there are "
                    + WebhookOutbox.NOTIFIED_KINDS.stream().sorted().toList());
        }
        Instant now = clock.instant();
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO webhook_subscription (subscription_id, url, events, jobs, scopes, active, "
                                + "created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)")
                        .params(
                                subscriptionId,
                                url,
                                Columns.names(events),
                                Columns.names(jobs),
                                Columns.names(scopes),
                                Columns.utc(now))
                        .update();
                addSecret(subscriptionId, secret, now);
            });
        } catch (DuplicateKeyException exists) {
            throw Rejection.ALREADY_EXISTS.because("There is a subscription '" + subscriptionId + "'");
        }
        durability.awaitCommitsStored();
        return new Subscription(subscriptionId, url, sorted(events), sorted(jobs), sorted(scopes), true);
    }

    private void addSecret(String subscriptionId, String secret, Instant now) {
        jdbc.sql("INSERT INTO webhook_secret (subscription_id, secret, plain, added_at) VALUES (?, ?, FALSE, ?)")
                .params(subscriptionId, secret, Columns.utc(now))
                .update();
    }

    /**
     * The subscription signs with {@code secret} (a {@code whsec_} one) from now on, and with the secrets it replaces
     * for {@code overlap} more, beside it: a receiver that knows either verifies. Empty if there is no such
     * subscription. Secrets replaced earlier whose overlap has passed are forgotten.
     */
    Optional<SecretRotation> rotateSecret(String subscriptionId, String secret, Duration overlap) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored, so the answer says what is kept
        Instant until = now.plus(overlap);
        Optional<SecretRotation> rotated = transaction.execute(status -> {
            if (!exists(subscriptionId)) {
                return Optional.empty();
            }
            jdbc.sql("UPDATE webhook_secret SET retires_at = ? WHERE subscription_id = ? AND retires_at IS NULL")
                    .params(Columns.utc(until), subscriptionId)
                    .update();
            jdbc.sql("DELETE FROM webhook_secret WHERE subscription_id = ? AND retires_at <= ?")
                    .params(subscriptionId, Columns.utc(now))
                    .update();
            addSecret(subscriptionId, secret, now);
            return Optional.of(new SecretRotation(subscriptionId, now, until));
        });
        durability.awaitCommitsStored();
        return rotated;
    }

    /**
     * The secrets each of {@code subscriptionIds} signs with {@code at} that moment, the newest first: the current one
     * and those replaced within the overlap.
     */
    Map<String, List<SigningSecret>> signingSecrets(Collection<String> subscriptionIds, Instant at) {
        if (subscriptionIds.isEmpty()) {
            return Map.of();
        }
        record Row(String subscriptionId, SigningSecret secret) {}
        return jdbc
                .sql("SELECT subscription_id, secret, plain FROM webhook_secret WHERE subscription_id IN (:ids) "
                        + "AND (retires_at IS NULL OR retires_at > :at) ORDER BY added_at DESC")
                .param("ids", List.copyOf(subscriptionIds))
                .param("at", Columns.utc(at))
                .query((rs, n) -> new Row(rs.getString(1), new SigningSecret(rs.getString(2), rs.getBoolean(3))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Row::subscriptionId, Collectors.mapping(Row::secret, Collectors.toList())));
    }

    /** Replaced secrets whose overlap has passed are not kept: they sign nothing more. */
    void forgetRetiredSecrets(Instant now) {
        jdbc.sql("DELETE FROM webhook_secret WHERE retires_at <= ?")
                .param(Columns.utc(now))
                .update();
    }

    /** Notifications waiting to be delivered, to every subscriber. */
    long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'PENDING'")
                .query(Long.class)
                .single();
    }

    /**
     * The subscription stops: nothing more is written to its outbox and its pending deliveries wait. Its log stays
     * readable. False if there is no such subscription.
     */
    boolean unsubscribe(String subscriptionId) {
        boolean found = jdbc.sql("UPDATE webhook_subscription SET active = FALSE WHERE subscription_id = ?")
                        .param(subscriptionId)
                        .update()
                > 0;
        durability.awaitCommitsStored();
        return found;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** The subscriptions after {@code after} (null: from the first), by id, without their secrets. */
    List<Subscription> subscriptions(InstitutionScope within, String after, int limit) {
        return jdbc.sql("SELECT * FROM webhook_subscription WHERE " + InstitutionScope.keysOf("subscription_id")
                        + " AND (CAST(? AS VARCHAR(100)) IS NULL "
                        + "OR subscription_id > ?) ORDER BY subscription_id FETCH FIRST ? ROWS ONLY")
                .params(within.keysLike(), within.keysNotLike(), after, after, limit)
                .query((rs, n) -> new Subscription(
                        rs.getString("subscription_id"),
                        rs.getString("url"),
                        Columns.names(rs.getString("events")),
                        Columns.names(rs.getString("jobs")),
                        Columns.names(rs.getString("scopes")),
                        rs.getBoolean("active")))
                .list();
    }

    boolean exists(String subscriptionId) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE subscription_id = ?")
                        .param(subscriptionId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * A subscription's deliveries older than {@code after} (null: from the newest), newest first, at one status if
     * asked. Notification ids are the events' ids, which are time-ordered.
     */
    List<Delivery> deliveries(String subscriptionId, DeliveryStatus status, String after, int limit) {
        String wanted = status == null ? null : status.name();
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE subscription_id = ? "
                        + "AND (CAST(? AS VARCHAR(20)) IS NULL OR status = ?) "
                        + "AND (CAST(? AS VARCHAR(200)) IS NULL OR notification_id < ?) "
                        + "ORDER BY notification_id DESC FETCH FIRST ? ROWS ONLY")
                .params(subscriptionId, wanted, wanted, after, after, limit)
                .query((rs, n) -> new Delivery(
                        rs.getString("notification_id"),
                        rs.getString("subscription_id"),
                        DeliveryStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getObject("last_status") == null ? null : rs.getInt("last_status"),
                        rs.getString("last_error"),
                        rs.getObject("last_latency_ms") == null ? null : rs.getInt("last_latency_ms"),
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
        durability.awaitCommitsStored();
    }
}
