package org.signoff.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;

/**
 * Slows down guessing. After {@code approval.security.failed-attempt-limit} failed authentications within a minute
 * from one source, that source is answered 429 with {@code Retry-After} for
 * {@code approval.security.failed-attempt-block}, without its credentials being looked at. A source is the client a
 * key names, at one address: guessing one client's secret stops there, while that client's other callers, and other
 * clients at the same address, go on. Requests without a key (bearer tokens) are counted by address, which may fail
 * five times as often, since many people may share one. The counts are kept in memory, per node, and bounded: at
 * most {@value #MAX_SOURCES} sources, the expired ones dropped first.
 */
@Component
class FailedAttempts {

    static final int MAX_SOURCES = 100_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int ADDRESS_FACTOR = 5;

    private final int limit;
    private final Duration block;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Attempts> sources = new ConcurrentHashMap<>();

    FailedAttempts(ApprovalProperties properties) {
        this.limit = properties.security().failedAttemptLimit();
        this.block = properties.security().failedAttemptBlock();
    }

    /** How long the request's source stays refused, if it is. */
    Optional<Duration> refusedFor(HttpServletRequest request) {
        Instant now = clock.instant();
        Attempts attempts = sources.get(sourceOf(request));
        return attempts != null && attempts.blockedUntil != null && now.isBefore(attempts.blockedUntil)
                ? Optional.of(Duration.between(now, attempts.blockedUntil))
                : Optional.empty();
    }

    /** A request that presented credentials which did not authenticate. */
    void failed(HttpServletRequest request) {
        if (request.getHeader(ApiKeys.HEADER) == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return; // no credentials at all: nothing was guessed
        }
        count(request);
    }

    /** A key typed into the page's sign-in form that did not sign anyone in: counted by the address. */
    void failedSignIn(HttpServletRequest request) {
        count(request);
    }

    private void count(HttpServletRequest request) {
        Instant now = clock.instant();
        if (sources.size() >= MAX_SOURCES) {
            sources.values().removeIf(attempts -> attempts.expired(now));
            if (sources.size() >= MAX_SOURCES) {
                sources.clear();
            }
        }
        int allowed = ApiKeys.keyOf(request) == null ? limit * ADDRESS_FACTOR : limit;
        sources.compute(
                sourceOf(request),
                (key, attempts) -> (attempts == null || attempts.expired(now) ? new Attempts(now) : attempts)
                        .fail(now, allowed, block));
    }

    /** The client a key names at this address, or the address for a request without a key. */
    private static String sourceOf(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String key = ApiKeys.keyOf(request);
        if (key == null) {
            return address;
        }
        int dot = key.lastIndexOf('.');
        return (dot > 0 ? key.substring(0, Math.min(dot, 100)) : "?") + "@" + address;
    }

    private static final class Attempts {

        private final Instant windowStart;
        private int failures;
        private Instant blockedUntil;

        Attempts(Instant windowStart) {
            this.windowStart = windowStart;
        }

        Attempts fail(Instant now, int allowed, Duration block) {
            failures++;
            if (failures >= allowed) {
                blockedUntil = now.plus(block);
            }
            return this;
        }

        boolean expired(Instant now) {
            return now.isAfter(windowStart.plus(WINDOW)) && (blockedUntil == null || now.isAfter(blockedUntil));
        }
    }
}
