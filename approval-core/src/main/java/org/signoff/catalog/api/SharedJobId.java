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

    /**
     * The aggregate identifier Axon keys its events by: apart from a job's of the same id, which shares the event
     * store's one space of identifiers (no job id nor institution code holds a colon).
     */
    @Override
    public String toString() {
        return "shared-job:" + value;
    }
}
