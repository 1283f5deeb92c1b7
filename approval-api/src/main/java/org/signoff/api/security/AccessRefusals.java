package org.signoff.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.input.Cursor;
import org.signoff.api.problem.RefusalRecord;
import org.signoff.client.api.ClientId;
import org.signoff.common.InstitutionScope;
import org.signoff.storage.Columns;

/**
 * The record of refused requests (401 and 403) that auditors read: who (a client id and nothing more), what (the
 * endpoint), why (the problem code), counted per hour, so a flood of bad requests adds to a count instead of rows.
 * Rows older than {@code approval.security.refusal-retention} (90 days) are deleted hourly. Recording never fails
 * the answer: the request was refused either way.
 */
@Component
public class AccessRefusals implements RefusalRecord {

    private static final Logger log = LoggerFactory.getLogger(AccessRefusals.class);

    private final JdbcClient jdbc;
    private final ApiClientLookup clients;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    AccessRefusals(JdbcClient jdbc, ApiClientLookup clients, ApprovalProperties properties) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.retention = properties.security().refusalRetention();
    }

    /** A refused attempt, as the auditor reads it. */
    public record Refusal(
            Instant periodStart,
            String principal,
            String endpoint,
            String reason,
            long attempts,
            Instant firstAt,
            Instant lastAt) {}

    @Override
    public void record(HttpServletRequest request, String reason) {
        Instant now = clock.instant();
        String principal = principal(request);
        String endpoint = EndpointRules.endpointOf(request.getMethod(), request.getRequestURI());
        try {
            try {
                insertOrCount(now, principal, endpoint, reason);
            } catch (DuplicateKeyException sameMomentElsewhere) {
                insertOrCount(now, principal, endpoint, reason);
            }
        } catch (DataAccessException unrecorded) {
            log.warn(
                    "A refusal ({} {} {}) could not be recorded: {}",
                    principal,
                    endpoint,
                    reason,
                    unrecorded.toString());
        }
    }

    /** Where a page of refusals ended: the sort key of its last one. Read by Spring from {@code after=}. */
    public record After(Instant periodStart, String principal, String endpoint, String reason) {

        public static After valueOf(String encoded) {
            try {
                String[] parts = Cursor.valueOf(encoded).key().split("\\|", 4);
                if (parts.length != 4) {
                    throw new IllegalArgumentException("Not a cursor of this list");
                }
                return new After(Instant.parse(parts[0]), parts[1], parts[2], parts[3]);
            } catch (java.time.format.DateTimeParseException notOurs) {
                throw new IllegalArgumentException("Not a cursor of this list", notOurs);
            }
        }
    }

    /**
     * Refusals whose last attempt is at or after {@code since}, by hour, then principal, endpoint and reason: at most
     * {@code limit}, after {@code after} (null: from the start).
     */
    public List<Refusal> since(InstitutionScope within, Instant since, After after, int limit) {
        After from = after != null ? after : new After(Instant.EPOCH, "", "", "");
        // a refusal is the institution's whose client it names; one naming no known client, the default's
        return jdbc.sql("SELECT * FROM access_refusal WHERE " + InstitutionScope.keysOf("principal")
                        + " AND last_at >= ? AND (period_start > ? OR (period_start = ? "
                        + "AND (principal > ? OR (principal = ? AND (endpoint > ? OR (endpoint = ? AND reason > ?)))))) "
                        + "ORDER BY period_start, principal, endpoint, reason FETCH FIRST ? ROWS ONLY")
                .params(
                        within.keysLike(),
                        within.keysNotLike(),
                        Columns.utc(since),
                        Columns.utc(from.periodStart()),
                        Columns.utc(from.periodStart()),
                        from.principal(),
                        from.principal(),
                        from.endpoint(),
                        from.endpoint(),
                        from.reason(),
                        limit)
                .query((rs, n) -> new Refusal(
                        Columns.instant(rs, "period_start"),
                        rs.getString("principal"),
                        rs.getString("endpoint"),
                        rs.getString("reason"),
                        rs.getLong("attempts"),
                        Columns.instant(rs, "first_at"),
                        Columns.instant(rs, "last_at")))
                .list();
    }

    /** The sort key of a refusal in a page. */
    public static String keyOf(Refusal refusal) {
        return refusal.periodStart() + "|" + refusal.principal() + "|" + refusal.endpoint() + "|" + refusal.reason();
    }

    @Scheduled(fixedDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    void forgetOld() {
        jdbc.sql("DELETE FROM access_refusal WHERE period_start < ?")
                .param(Columns.utc(clock.instant().minus(retention)))
                .update();
    }

    private void insertOrCount(Instant now, String principal, String endpoint, String reason) {
        jdbc.sql("MERGE INTO access_refusal r USING (SELECT CAST(? AS TIMESTAMP WITH TIME ZONE) AS period_start, "
                        + "CAST(? AS VARCHAR(100)) AS principal, CAST(? AS VARCHAR(100)) AS endpoint, "
                        + "CAST(? AS VARCHAR(50)) AS reason, CAST(? AS TIMESTAMP WITH TIME ZONE) AS at) v "
                        + "ON r.period_start = v.period_start AND r.principal = v.principal "
                        + "AND r.endpoint = v.endpoint AND r.reason = v.reason "
                        + "WHEN MATCHED THEN UPDATE SET attempts = r.attempts + 1, last_at = v.at "
                        + "WHEN NOT MATCHED THEN INSERT (period_start, principal, endpoint, reason, attempts, first_at, "
                        + "last_at) VALUES (v.period_start, v.principal, v.endpoint, v.reason, 1, v.at, v.at)")
                .params(Columns.utc(now.truncatedTo(ChronoUnit.HOURS)), principal, endpoint, reason, Columns.utc(now))
                .update();
    }

    /** The caller if authenticated; else the client a key names if it exists; never what a stranger typed. */
    private String principal(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller.clientId().value();
        }
        String key = ApiKeys.keyOf(request);
        if (key != null) {
            int dot = key.lastIndexOf('.');
            String clientId = dot > 0 ? key.substring(0, dot).replace(':', InstitutionScope.SEPARATOR) : "";
            return !clientId.isEmpty()
                            && clientId.length() <= 100
                            && clients.find(ClientId.of(clientId)).isPresent()
                    ? clientId
                    : "unknown-client";
        }
        return request.getHeader("Authorization") != null ? "bearer-token" : "anonymous";
    }
}
