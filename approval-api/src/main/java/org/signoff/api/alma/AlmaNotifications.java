package org.signoff.api.alma;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.signoff.api.durability.Durability;
import org.signoff.common.InstitutionScope;
import org.signoff.storage.Columns;

/**
 * Table {@code alma_webhook_notification}: each notification taken once. A notification is recorded and its
 * {@link AlmaJobEnded} published in one transaction, so a listener that fails leaves it untaken for Alma's retry;
 * one seen before (the primary key says so, also for two retries at once) is passed over.
 */
@Component
class AlmaNotifications {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Durability durability;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    AlmaNotifications(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Durability durability,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.durability = durability;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Takes the notification of the institution's Alma unless it was taken before; whether it was taken now. Its id
     * is Alma's, kept keyed by the institution as every id a member names.
     */
    boolean take(InstitutionScope institution, AlmaNotification notification) {
        AlmaJobInstance run = notification.jobInstance();
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO alma_webhook_notification (notification_id, action, event, job_id, "
                                + "job_instance_id, sent_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                institution.prefix() + notification.id(),
                                notification.action(),
                                notification.event(),
                                run == null ? null : run.jobId(),
                                run == null ? null : run.id(),
                                notification.time() == null ? null : Columns.utc(notification.time()),
                                Columns.utc(clock.instant()))
                        .update();
                if (run != null) {
                    events.publishEvent(new AlmaJobEnded(institution, notification.id(), notification.time(), run));
                }
            });
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
        durability.awaitCommitsStored(); // answered 200, Alma sends it no more: it must be on disk
        return true;
    }
}
