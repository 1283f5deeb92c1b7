package org.signoff.api.wiki;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.storage.Columns;

/**
 * {@code wiki_publication}: the list's changes counted from the event stream, and the publications' outcome. Every
 * change of state is one conditional update, so nodes publishing side by side never both write the page.
 */
@Component
class WikiPublications {

    private final JdbcClient jdbc;

    WikiPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

        /** An administrator asked to publish now, and no publication begun since has taken the request. */
        boolean publishRequested() {
            return publishRequestedAt != null;
        }

        /** The engine has written this page before, at {@code pageVersion}. */
        boolean wrote(String page) {
            return pageVersion != null && page.equals(pageId);
        }
    }

    State read() {
        return jdbc.sql("SELECT * FROM wiki_publication WHERE publication_id = 1")
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
    void changed(Instant at) {
        jdbc.sql("UPDATE wiki_publication SET changes = changes + 1, pending_since = COALESCE(pending_since, ?) "
                        + "WHERE publication_id = 1")
                .param(Columns.utc(at))
                .update();
    }

    /** An administrator asks to publish now: a stop is lifted, the backoff's wait dropped. */
    void requestNow(Instant at) {
        jdbc.sql("UPDATE wiki_publication SET publish_requested_at = ?, stopped = FALSE, next_attempt_at = NULL "
                        + "WHERE publication_id = 1")
                .param(Columns.utc(at))
                .update();
    }

    /** Takes the row for one publication until {@code until}; false if another node holds it. */
    boolean lease(Instant now, Instant until) {
        return jdbc.sql("UPDATE wiki_publication SET lease_until = ? WHERE publication_id = 1 "
                                + "AND (lease_until IS NULL OR lease_until < ?)")
                        .params(Columns.utc(until), Columns.utc(now))
                        .update()
                == 1;
    }

    void release() {
        jdbc.sql("UPDATE wiki_publication SET lease_until = NULL WHERE publication_id = 1")
                .update();
    }

    /**
     * The page shows the list as of {@code changesRead}, read by the publication {@code started} then: a change
     * counted meanwhile opens the next burst now, a request made meanwhile stays. The last failure stays on record,
     * with its time, for whoever asks what failed.
     */
    void published(long changesRead, Instant started, Instant now, String pageId, int pageVersion) {
        jdbc.sql("UPDATE wiki_publication SET published_changes = ?, "
                        + "pending_since = CASE WHEN changes > ? THEN ? ELSE NULL END, "
                        + "publish_requested_at = CASE WHEN publish_requested_at > ? THEN publish_requested_at END, "
                        + "stopped = FALSE, attempts = 0, next_attempt_at = NULL, last_published_at = ?, page_id = ?, "
                        + "page_version = ? WHERE publication_id = 1")
                .params(
                        changesRead,
                        changesRead,
                        Columns.utc(now),
                        Columns.utc(started),
                        Columns.utc(now),
                        pageId,
                        pageVersion)
                .update();
    }

    /**
     * A failed attempt of the publication {@code started} then: tried again at {@code nextAttempt}, or, with none,
     * stopped until a person asks again (a request made during the attempt is that).
     */
    void failed(ConfluenceFailure failure, Instant started, Instant now, Instant nextAttempt) {
        String detail = failure.getMessage();
        jdbc.sql("UPDATE wiki_publication SET attempts = attempts + 1, next_attempt_at = ?, stopped = ?, "
                        + "publish_requested_at = CASE WHEN ? AND NOT publish_requested_at > ? THEN NULL "
                        + "ELSE publish_requested_at END, "
                        + "last_failure_at = ?, last_failure_code = ?, last_failure_status = ?, "
                        + "last_failure_detail = ? WHERE publication_id = 1")
                .params(
                        nextAttempt == null ? null : Columns.utc(nextAttempt),
                        nextAttempt == null,
                        nextAttempt == null,
                        Columns.utc(started),
                        Columns.utc(now),
                        failure.kind().name(),
                        failure.status(),
                        detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .update();
    }
}
