package org.signoff.staff.api;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A person the engine knows, e.g. {@code jdoe}. */
public record StaffId(@JsonValue String value) {

    public StaffId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StaffId of(String value) {
        return new StaffId(value);
    }

    /** The bare value: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
