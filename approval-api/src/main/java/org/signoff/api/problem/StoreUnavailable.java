package org.signoff.api.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A store that cannot be reached, or cannot write (a full disk), is a {@code 503 STORE_UNAVAILABLE} with
 * {@code Retry-After}, from whichever layer met it first: the key's lookup, the idempotency record, a command, a read,
 * the page. Nothing was acknowledged, so the client sends the same request again. As a filter around everything else
 * it answers the failures that happen outside Spring MVC (authentication); {@link ProblemResponses} answers those
 * inside it with {@link #problem()}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class StoreUnavailable extends OncePerRequestFilter {

    /** Seconds a client waits before it sends the request again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailable.class);

    /**
     * SQLState classes of a store that is away: 08 connection exception, 53 insufficient resources (a full disk),
     * 57 operator intervention (a server shutting down or starting).
     */
    private static final Set<String> STATE_CLASSES = Set.of("08", "53", "57");

    /**
     * H2's error codes for the same: 90028 and 90031 input/output (a full disk), 90098 the database closed itself
     * after such a failure, 90121 called while it closes, 90108 out of memory.
     */
    private static final Set<Integer> H2_CODES = Set.of(90028, 90031, 90098, 90121, 90108);

    /**
     * What HikariCP's handle of a connection it has closed (one the database broke) says, with no SQLState: a
     * transaction that held it can neither go on nor roll back.
     */
    private static final String HIKARI_CLOSED = "Connection is closed";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!causedBy(failure) || response.isCommitted()) {
                throw failure;
            }
            logged(failure);
            response.resetBuffer();
            answer(request, response);
        }
    }

    /** Whether the store's absence (or its full disk) is behind this failure, anywhere in its causes. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException // a commit or rollback the store did not take
                    || cause instanceof EventStoreException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof MVStoreException) {
                return true;
            }
            if (cause instanceof SQLException sql && away(sql)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The 503 to answer, with {@link #RETRY_AFTER_SECONDS} for its {@code Retry-After}. */
    public static ProblemDetail problem() {
        return Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "STORE_UNAVAILABLE",
                "The store did not answer or could not write; nothing was done: send the request again later");
    }

    /** One line, without the stack: during an outage every request meets it, and the cause is the same. */
    static void logged(Throwable failure) {
        log.warn("The store is unavailable, answered 503: {}", rootCause(failure));
    }

    /** The innermost cause, as its type and message: what the store said. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        Problems.write(request, response, problem());
    }

    private static boolean away(SQLException sql) {
        String state = sql.getSQLState();
        return (state != null && state.length() >= 2 && STATE_CLASSES.contains(state.substring(0, 2)))
                || (sql.getClass().getName().startsWith("org.h2.") && H2_CODES.contains(sql.getErrorCode()))
                || (state == null && HIKARI_CLOSED.equals(sql.getMessage()));
    }
}
