package org.signoff.ticket.api;

import java.util.Objects;

/** A sign-off ticket. */
public record TicketId(String value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    public static TicketId of(String value) {
        return new TicketId(value);
    }

    /** The bare value: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
