package org.signoff.api.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far a processor (a read model, the webhook outbox) has got, as the token store says: the same on every node,
 * whichever node runs it. A token is stored in the transaction that writes what its batch did, so a read model has
 * handled every event up to the position read here, and its tables show it.
 */
@Component
public class ProcessorPositions {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    ProcessorPositions(JdbcClient jdbc, Serializer defaultSerializer) {
        this.jdbc = jdbc;
        this.serializer = defaultSerializer;
    }

    /** The lowest position over the processor's segments; empty before each of them has handled an event. */
    public OptionalLong of(String processor) {
        List<OptionalLong> segments = jdbc.sql("SELECT token, tokenType FROM TokenEntry WHERE processorName = ?")
                .param(processor)
                .query((row, n) -> position(row.getBytes("token"), row.getString("tokenType")))
                .list();
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (OptionalLong segment : segments) {
            if (segment.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, segment.getAsLong());
        }
        return OptionalLong.of(lowest);
    }

    /** The newest event's global index; -1 for an empty store. */
    public long head() {
        return jdbc.sql("SELECT COALESCE(MAX(globalIndex), -1) FROM DomainEventEntry")
                .query(Long.class)
                .single();
    }

    /** When the oldest event stored after the position was stored; empty if none was. */
    public Optional<Instant> storedAfter(long position) {
        return jdbc.sql("SELECT MIN(timeStamp) FROM DomainEventEntry WHERE globalIndex > ?")
                .param(position)
                .query(String.class)
                .optional()
                .map(Instant::parse);
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracked = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracked == null ? OptionalLong.empty() : tracked.position();
    }
}
