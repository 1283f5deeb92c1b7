package org.signoff.api.wiki;

import java.time.Duration;

/**
 * Confluence did not take the page: a failure the publisher records and either retries (after {@code retryAfter}
 * when Confluence named a wait, else its own backoff) or stops on, until an administrator publishes again. Its
 * message never carries the token.
 */
final class ConfluenceFailure extends RuntimeException {

    /** What went wrong, as the status endpoint names it. */
    enum Kind {
        /** No answer, a timeout, or a 5xx: retried. */
        CONFLUENCE_UNAVAILABLE(true),
        /** 429: retried after Confluence's {@code Retry-After}. */
        CONFLUENCE_RATE_LIMITED(true),
        /** 409 on the update: the page changed between reading and writing it; read again and retried. */
        CONFLUENCE_VERSION_CONFLICT(true),
        /** 401 or 403: the token (or the user) is wrong or may not edit the page; a person must mend it. */
        CONFLUENCE_CREDENTIALS_REJECTED(false),
        /** Any other refusal (404: no such page; 400; 410: a removed endpoint): a person must look. */
        CONFLUENCE_REFUSED(false),
        /** The page has lost the markers around the engine's section since the engine wrote it. */
        WIKI_MARKERS_MISSING(false),
        /** The whole page is the engine's, and someone edited it since the engine's version. */
        WIKI_PAGE_EDITED(false);

        final boolean retried;

        Kind(boolean retried) {
            this.retried = retried;
        }
    }

    private final Kind kind;
    private final Integer status;
    private final Duration retryAfter;

    ConfluenceFailure(Kind kind, Integer status, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    ConfluenceFailure(Kind kind, Integer status, String detail) {
        this(kind, status, detail, null);
    }

    Kind kind() {
        return kind;
    }

    /** Confluence's HTTP status, when it answered. */
    Integer status() {
        return status;
    }

    /** How long Confluence asked to be left alone ({@code Retry-After}), or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
