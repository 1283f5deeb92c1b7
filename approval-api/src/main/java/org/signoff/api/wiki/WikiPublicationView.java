package org.signoff.api.wiki;

import java.time.Instant;

/**
 * Where the master list's publication to the wiki stands, for an administrator.
 *
 * @param state           {@code NOT_CONFIGURED}; {@code UP_TO_DATE}: the page shows every change; {@code WAITING}:
 *                        changes (or a request) wait for their burst to settle, until {@code dueAt};
 *                        {@code RETRYING}: an attempt failed and is tried again at {@code dueAt}; {@code STOPPED}: a
 *                        failure waits for a person ({@code lastFailure} says which), until someone publishes again
 * @param edition         {@code CLOUD} or {@code DATA_CENTER}: the REST API the page is written through
 * @param mode            {@code SECTION}: the engine's part of the page, between its anchors; {@code PAGE}: all of it
 * @param changes         changes to the list counted from the event stream
 * @param publishedChanges the count the page shows the list at
 * @param pendingSince    the first change the page does not show yet
 * @param dueAt           when a node publishes next (no sooner than a poll after it)
 * @param attempts        failed attempts since the last publication
 * @param lastPublishedAt when the engine last found the page showing the list, or made it so
 * @param pageVersion     the page's version the engine wrote (or found showing the list) then
 * @param lastFailure     the last failed attempt, kept after a later publication, for whoever asks what failed
 */
record WikiPublicationView(
        boolean configured,
        String state,
        String edition,
        String pageId,
        String mode,
        long changes,
        long publishedChanges,
        Instant pendingSince,
        Instant dueAt,
        int attempts,
        Instant lastPublishedAt,
        Integer pageVersion,
        Failure lastFailure) {

    /**
     * @param code   {@code CONFLUENCE_UNAVAILABLE}, {@code CONFLUENCE_RATE_LIMITED}, {@code
     *               CONFLUENCE_VERSION_CONFLICT} (retried), {@code CONFLUENCE_CREDENTIALS_REJECTED}, {@code
     *               CONFLUENCE_REFUSED}, {@code WIKI_MARKERS_MISSING}, {@code WIKI_PAGE_EDITED} (stopped)
     * @param status Confluence's HTTP status, when it answered
     */
    record Failure(Instant at, String code, Integer status, String detail) {}

    static WikiPublicationView of(WikiSettings settings, WikiPublications.State state, Instant now) {
        String condition;
        Instant dueAt = null;
        boolean pending = state.publishRequested() || state.changes() > state.publishedChanges();
        if (!settings.configured()) {
            condition = "NOT_CONFIGURED";
        } else if (state.stopped() && !state.publishRequested()) {
            condition = "STOPPED";
        } else if (!pending) {
            condition = "UP_TO_DATE";
        } else {
            condition = state.attempts() > 0 ? "RETRYING" : "WAITING";
            dueAt = state.publishRequested() || state.pendingSince() == null
                    ? now
                    : state.pendingSince().plus(settings.coalesce());
            if (state.nextAttemptAt() != null && state.nextAttemptAt().isAfter(dueAt)) {
                dueAt = state.nextAttemptAt();
            }
        }
        Failure failure = state.lastFailureCode() == null
                ? null
                : new Failure(
                        state.lastFailureAt(),
                        state.lastFailureCode(),
                        state.lastFailureStatus(),
                        state.lastFailureDetail());
        return new WikiPublicationView(
                settings.configured(),
                condition,
                settings.edition().name(),
                settings.pageId(),
                settings.mode().name(),
                state.changes(),
                state.publishedChanges(),
                state.pendingSince(),
                dueAt,
                state.attempts(),
                state.lastPublishedAt(),
                state.pageVersion(),
                failure);
    }
}
