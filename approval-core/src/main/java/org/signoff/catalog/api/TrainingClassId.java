package org.signoff.catalog.api;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A training class of the catalog, e.g. {@code holdings-and-items}. */
public record TrainingClassId(@JsonValue String value) {

    public TrainingClassId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TrainingClassId of(String value) {
        return new TrainingClassId(value);
    }

    /** The bare value: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
