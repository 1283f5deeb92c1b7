package org.signoff.api.readmodel;

import java.time.Duration;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * A client reads what it was told it did: the read models follow the event store a moment behind, so an answer
 * that depends on a write the client has just had acknowledged (the ticket it opened, the campaign it started) first
 * waits, a bounded time, for the read model to handle every event stored before the read began. Reads that find
 * what they look for never wait.
 */
@Component
public class ReadYourWrites {

    /** Longer than a read model ever lags but under load; a read does not hang on a stopped one. */
    static final Duration AT_MOST = Duration.ofSeconds(5);

    private final ProcessorPositions positions;
    private final QueryGateway queries;

    ReadYourWrites(ProcessorPositions positions, QueryGateway queries) {
        this.positions = positions;
        this.queries = queries;
    }

    /**
     * The one view the query finds in the read model; when it finds none, what it finds once the read model has
     * handled every event stored before this call (or after {@link #AT_MOST}, if it has not by then).
     */
    public <T> Optional<T> find(String readModel, Object query, Class<T> view) {
        Optional<T> found =
                queries.query(query, ResponseTypes.optionalInstanceOf(view)).join();
        if (found.isPresent() || !awaitCaughtUp(readModel)) {
            return found;
        }
        return queries.query(query, ResponseTypes.optionalInstanceOf(view)).join();
    }

    /**
     * Waits until the read model has handled every event stored before this call, at most {@link #AT_MOST}. Its
     * position comes from the token store, so this holds on every node, whichever one runs the read model.
     *
     * @return whether it had
     */
    public boolean awaitCaughtUp(String readModel) {
        long head = positions.head();
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (positions.of(readModel).orElse(-1) < head) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
