package org.signoff.api.ledger;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits for the sealer: every event the store holds sealed, in whichever chain. */
final class AllSealed {

    private AllSealed() {}

    static void await(JdbcClient database) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long stored = database.sql("SELECT MAX(globalIndex) FROM DomainEventEntry")
                    .query(Long.class)
                    .single();
            long sealed = database.sql("SELECT global_index FROM ledger_consortium_head")
                    .query(Long.class)
                    .single();
            if (sealed == stored) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the sealer never caught up with the store");
    }
}
