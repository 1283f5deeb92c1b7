package org.signoff.catalog.api;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A job of the catalog, e.g. {@code change-physical-items}. */
public record JobId(@JsonValue String value) {

    public JobId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static JobId of(String value) {
        return new JobId(value);
    }

    /** The bare value: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
