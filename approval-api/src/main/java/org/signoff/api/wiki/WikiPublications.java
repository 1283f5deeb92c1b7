package org.signoff.api.wiki;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;
import org.signoff.storage.Columns;

/**
 * {@code wiki_publication}: the list's changes counted from the event stream, and the publications' outcome, a row
 * per institution's page (the default institution's is row 1, a member's is added the first time it is needed). Every
 * change of state is one conditional update, so nodes publishing side by side never both write the page.
 */
@Component
class WikiPublications {

    /** The default institution's row. */
    static final int DEFAULT = 1;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<InstitutionCode, Integer> rows = new ConcurrentHashMap<>();

    WikiPublications(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The row of the institution's page: the default's, or the member's, added if it has none yet. */
    int of(InstitutionScope institution) {
        if (institution.isDefault()) {
            return DEFAULT;
        }
        return rows.computeIfAbsent(institution.code(), this::memberRow);
    }

    private int memberRow(InstitutionCode code) {
        for (int attempt = 0; ; attempt++) {
            Optional<Integer> row = jdbc.sql("SELECT publication_id FROM wiki_publication WHERE institution = ?")
                    .param(code.value())
                    .query(Integer.class)
                    .optional();
            if (row.isPresent()) {
                return row.get();
            }
            try {
                // committed on its own before its number is remembered: the caller's transaction (an event
                // processor's batch) may yet roll back, and the number would then be another member's next
                ownTransaction.executeWithoutResult(added -> jdbc.sql("INSERT INTO wiki_publication (publication_id, "
                                + "institution, changes, published_changes, stopped, attempts) "
                                + "SELECT MAX(publication_id) + 1, ?, 0, 0, FALSE, 0 FROM wiki_publication")
                        .param(code.value())
                        .update());
            } catch (DuplicateKeyException anotherNodeAddedOne) {
                if (attempt > 3) {
                    throw anotherNodeAddedOne;
                }
            }
        }
    }

    /** Where the publication stands. */
    record State(
            long changes,
            long publishedChanges,
            Instant pendingSince,
            Instant publishRequestedAt,
            boolean stopped,
            int attempts,
            Instant nextAttemptAt,
            Instant lastPublishedAt,
            String pageId,
            Integer pageVersion,
            Instant lastFailureAt,
            String lastFailureCode,
            Integer lastFailureStatus,
            String lastFailureDetail) {

        /**
         * Whether a publication is due: asked for, or changes whose burst has lasted {@code coalesce}; never while
         * stopped (but when asked), nor before the next attempt's time.
         */
        boolean due(Instant now, Duration coalesce) {
            boolean changed = changes > publishedChanges
                    && pendingSince != null
                    && !pendingSince.plus(coalesce).isAfter(now);
            return (publishRequested() || changed && !stopped)
                    && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
        }

        /** A page never published nor counted: a member's without one. */
        static final State NEVER =
                new State(0, 0, null, null, false, 0, null, null, null, null, null, null, null, null);

        /** An administrator asked to publish now, and no publication begun since has taken the request. */
        boolean publishRequested() {
            return publishRequestedAt != null;
        }

        /** The engine has written this page before, at {@code pageVersion}. */
        boolean wrote(String page) {
            return pageVersion != null && page.equals(pageId);
        }
    }

    State read(int publication) {
        return jdbc.sql("SELECT * FROM wiki_publication WHERE publication_id = ?")
                .param(publication)
                .query((rs, n) -> new State(
                        rs.getLong("changes"),
                        rs.getLong("published_changes"),
                        Columns.instant(rs, "pending_since"),
                        Columns.instant(rs, "publish_requested_at"),
                        rs.getBoolean("stopped"),
                        rs.getInt("attempts"),
                        Columns.instant(rs, "next_attempt_at"),
                        Columns.instant(rs, "last_published_at"),
                        rs.getString("page_id"),
                        rs.getObject("page_version", Integer.class),
                        Columns.instant(rs, "last_failure_at"),
                        rs.getString("last_failure_code"),
                        rs.getObject("last_failure_status", Integer.class),
                        rs.getString("last_failure_detail")))
                .single();
    }

    /** One more change to the list: it opens a burst unless one is open already. */
    void changed(int publication, Instant at) {
        jdbc.sql("UPDATE wiki_publication SET changes = changes + 1, pending_since = COALESCE(pending_since, ?) "
                        + "WHERE publication_id = ?")
                .params(Columns.utc(at), publication)
                .update();
    }

    /** An administrator asks to publish now: a stop is lifted, the backoff's wait dropped. */
    void requestNow(int publication, Instant at) {
        jdbc.sql("UPDATE wiki_publication SET publish_requested_at = ?, stopped = FALSE, next_attempt_at = NULL "
                        + "WHERE publication_id = ?")
                .params(Columns.utc(at), publication)
                .update();
    }

    /** Takes the row for one publication until {@code until}; false if another node holds it. */
    boolean lease(int publication, Instant now, Instant until) {
        return jdbc.sql("UPDATE wiki_publication SET lease_until = ? WHERE publication_id = ? "
                                + "AND (lease_until IS NULL OR lease_until < ?)")
                        .params(Columns.utc(until), publication, Columns.utc(now))
                        .update()
                == 1;
    }

    void release(int publication) {
        jdbc.sql("UPDATE wiki_publication SET lease_until = NULL WHERE publication_id = ?")
                .param(publication)
                .update();
    }

    /**
     * The page shows the list as of {@code changesRead}, read by the publication {@code started} then: a change
     * counted meanwhile opens the next burst now, a request made meanwhile stays. The last failure stays on record,
     * with its time, for whoever asks what failed.
     */
    void published(int publication, long changesRead, Instant started, Instant now, String pageId, int pageVersion) {
        jdbc.sql("UPDATE wiki_publication SET published_changes = ?, "
                        + "pending_since = CASE WHEN changes > ? THEN ? ELSE NULL END, "
                        + "publish_requested_at = CASE WHEN publish_requested_at > ? THEN publish_requested_at END, "
                        + "stopped = FALSE, attempts = 0, next_attempt_at = NULL, last_published_at = ?, page_id = ?, "
                        + "page_version = ? WHERE publication_id = ?")
                .params(
                        changesRead,
                        changesRead,
                        Columns.utc(now),
                        Columns.utc(started),
                        Columns.utc(now),
                        pageId,
                        pageVersion,
                        publication)
                .update();
    }

    /**
     * A failed attempt of the publication {@code started} then: tried again at {@code nextAttempt}, or, with none,
     * stopped until a person asks again (a request made during the attempt is that).
     */
    void failed(int publication, ConfluenceFailure failure, Instant started, Instant now, Instant nextAttempt) {
        String detail = failure.getMessage();
        jdbc.sql("UPDATE wiki_publication SET attempts = attempts + 1, next_attempt_at = ?, stopped = ?, "
                        + "publish_requested_at = CASE WHEN ? AND NOT publish_requested_at > ? THEN NULL "
                        + "ELSE publish_requested_at END, "
                        + "last_failure_at = ?, last_failure_code = ?, last_failure_status = ?, "
                        + "last_failure_detail = ? WHERE publication_id = ?")
                .params(
                        nextAttempt == null ? null : Columns.utc(nextAttempt),
                        nextAttempt == null,
                        nextAttempt == null,
                        Columns.utc(started),
                        Columns.utc(now),
                        failure.kind().name(),
                        failure.status(),
                        detail.length() > 1000 ? detail.substring(0, 1000) : detail,
                        publication)
                .update();
    }
}
