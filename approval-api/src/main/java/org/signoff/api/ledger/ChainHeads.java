package org.signoff.api.ledger;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each institution's chain is sealed up to, by the global index of its last event. It moves with that
 * institution's events alone, so it tells whether an institution moved without telling anything of another's (the
 * dashboard's pages listen to it). Read as it is, not awaited on disk.
 */
@Component
public class ChainHeads {

    private final JdbcClient jdbc;

    ChainHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By institution code, the global index of the last event sealed in its chain. */
    public Map<String, Long> sealedUpTo() {
        Map<String, Long> heads = new HashMap<>();
        jdbc.sql("SELECT institution, global_index FROM ledger_head").query(rs -> {
            heads.put(rs.getString(1), rs.getLong(2));
        });
        return heads;
    }
}
