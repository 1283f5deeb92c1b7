package org.signoff.catalog.api;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A job of the consortium's shared catalog, e.g. {@code change-physical-items}: the consortium's, not a member's. */
public record SharedJobId(@JsonValue String value) {

    public SharedJobId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SharedJobId of(String value) {
        return new SharedJobId(value);
    }

    /** The bare value: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
