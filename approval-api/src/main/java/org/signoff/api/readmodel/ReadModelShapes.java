package org.signoff.api.readmodel;

import java.time.Instant;
import java.util.OptionalInt;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.storage.Columns;

/**
 * Which shape each read model's rows are in ({@code read_model_shape}), and which node may rebuild it now. A claim is
 * a deadline: its node renews it while it rebuilds, and one not renewed in time (its node stopped or died) is free
 * for the next node to take.
 */
final class ReadModelShapes {

    private final JdbcClient jdbc;

    ReadModelShapes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OptionalInt recorded(String readModel) {
        return jdbc.sql("SELECT shape FROM read_model_shape WHERE read_model = ?")
                .param(readModel)
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    /** A read model met for the first time is in the shape its code writes: it is built from the first event. */
    void recordIfNone(String readModel, int shape, Instant at) {
        if (recorded(readModel).isPresent()) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO read_model_shape (read_model, shape, recorded_at) VALUES (?, ?, ?)")
                    .params(readModel, shape, Columns.utc(at))
                    .update();
        } catch (DuplicateKeyException recordedByAnotherNode) {
            // a node starting at the same time recorded the same
        }
    }

    /** Takes (or renews) the claim to rebuild the read model until {@code until}, unless another node holds it. */
    boolean claim(String readModel, String node, Instant until, Instant now) {
        return jdbc.sql("UPDATE read_model_shape SET claimed_by = ?, claimed_until = ? WHERE read_model = ? "
                                + "AND (claimed_by IS NULL OR claimed_by = ? OR claimed_until < ?)")
                        .params(node, Columns.utc(until), readModel, node, Columns.utc(now))
                        .update()
                == 1;
    }

    /** The node holding the claim, until when: to say who rebuilds it. */
    String claimant(String readModel) {
        return jdbc.sql("SELECT claimed_by || ' until ' || claimed_until FROM read_model_shape WHERE read_model = ?")
                .param(readModel)
                .query(String.class)
                .optional()
                .orElse("nobody");
    }

    void release(String readModel, String node) {
        jdbc.sql("UPDATE read_model_shape SET claimed_by = NULL, claimed_until = NULL "
                        + "WHERE read_model = ? AND claimed_by = ?")
                .params(readModel, node)
                .update();
    }

    /** In the transaction that swaps the rebuilt rows in: they are in this shape now, and the claim is done. */
    void swappedIn(String readModel, int shape, Instant at) {
        jdbc.sql("UPDATE read_model_shape SET shape = ?, recorded_at = ?, claimed_by = NULL, claimed_until = NULL "
                        + "WHERE read_model = ?")
                .params(shape, Columns.utc(at), readModel)
                .update();
    }
}
