package org.signoff.client.api;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a client may ask of the engine, endpoint by endpoint. What the person it acts for may do is still decided by
 * their roles, in the aggregates: an operation opens a door, a role lets someone through it.
 */
public enum Operation {
    TICKETS_READ("tickets:read"),
    /** the steps of a ticket but the readings */
    TICKETS_WRITE("tickets:write"),
    READINGS_WRITE("readings:write"),
    MASTER_LIST_READ("master-list:read"),
    JOBS_READ("jobs:read"),
    JOBS_WRITE("jobs:write"),
    STAFF_READ("staff:read"),
    STAFF_WRITE("staff:write"),
    /** record who attended training classes (a training portal, a trainer's own key) */
    TRAINING_WRITE("training:write"),
    /** manage API clients, webhooks and read models: only ever opened to an administrator's own key or token */
    CLIENTS_WRITE("clients:write"),
    METRICS_READ("metrics:read"),
    /** read the record of refused requests */
    AUDIT_READ("audit:read"),
    /** register the consortium's institutions and define its shared jobs: consortium administrators only */
    CONSORTIUM_WRITE("consortium:write"),
    /** read what the consortium shares (its analytics) and verify its whole ledger */
    CONSORTIUM_READ("consortium:read");

    private final String value;

    Operation(String value) {
        this.value = value;
    }

    /** The name clients and the API use, e.g. {@code tickets:write}. */
    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static Operation of(String value) {
        return Arrays.stream(values())
                .filter(operation -> operation.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No operation '" + value + "'"));
    }
}
