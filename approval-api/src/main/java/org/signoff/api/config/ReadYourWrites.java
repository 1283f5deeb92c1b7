package org.signoff.api.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final QueryGateway queries;

    ReadYourWrites(EventProcessingConfiguration processing, JdbcClient jdbc, QueryGateway queries) {
        this.processing = processing;
        this.jdbc = jdbc;
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
     * Waits until the read model has handled every event stored before this call, at most {@link #AT_MOST}.
     *
     * @return whether it had; false also for a read model that is not a streaming processor of this node
     */
    public boolean awaitCaughtUp(String readModel) {
        Optional<StreamingEventProcessor> processor =
                processing.eventProcessor(readModel, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return false;
        }
        long head = jdbc.sql("SELECT COALESCE(MAX(globalIndex), -1) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        while (position(processor.get()).orElse(-1) < head) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The lowest position over the processor's segments; empty while one has none yet. */
    public static OptionalLong position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong at = segment.getCurrentPosition();
            if (at.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, at.getAsLong());
        }
        return OptionalLong.of(lowest);
    }
}
