package org.signoff.client.api;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An API client, e.g. {@code lts-ticketing}; also the first part of its key. */
public record ClientId(@JsonValue String value) {

    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ClientId of(String value) {
        return new ClientId(value);
    }

    /** The bare value: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
