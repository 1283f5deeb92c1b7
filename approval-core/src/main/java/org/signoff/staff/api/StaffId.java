package org.signoff.staff.api;

import java.util.Objects;

/** A person the engine knows, e.g. {@code jdoe}. */
public record StaffId(String value) {

    public StaffId {
        Objects.requireNonNull(value, "value");
    }

    public static StaffId of(String value) {
        return new StaffId(value);
    }

    /** The bare value: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
