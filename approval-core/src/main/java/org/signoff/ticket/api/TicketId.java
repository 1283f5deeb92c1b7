package org.signoff.ticket.api;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A sign-off ticket. */
public record TicketId(@JsonValue String value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TicketId of(String value) {
        return new TicketId(value);
    }

    /** The bare value: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
