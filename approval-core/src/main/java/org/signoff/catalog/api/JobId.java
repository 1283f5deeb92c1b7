package org.signoff.catalog.api;

import java.util.Objects;

/** A job of the catalog, e.g. {@code change-physical-items}. */
public record JobId(String value) {

    public JobId {
        Objects.requireNonNull(value, "value");
    }

    public static JobId of(String value) {
        return new JobId(value);
    }

    /** The bare value: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
