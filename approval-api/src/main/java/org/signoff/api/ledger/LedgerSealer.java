package org.signoff.api.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.signoff.api.ApprovalProperties;
import org.signoff.ledger.LedgerEntry;
import org.signoff.storage.Columns;

/**
 * Seals events into the chain shortly after they commit, in the store's global order, on every node but one at a
 * time: a round locks the head row, so a second node waits and then carries on from the new head.
 *
 * <p>Concurrent commands take global indexes in one order and commit in another, so a missing index may be an event
 * still committing. The sealer stops before it, and only passes it once it has been missing for
 * {@code approval.ledger.gap-timeout}: the number of a transaction that rolled back, never used. An event that
 * turned up below the head after all would be outside the chain, and every verification says so.
 */
@Component
class LedgerSealer {

    private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);

    /** Events sealed in one transaction. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transaction;
    private final Duration gapTimeout;
    private final Clock clock = Clock.systemUTC();

    /** The global index after each gap this node waits on, and when it first saw the gap. */
    private final Map<Long, Instant> gapsSeen = new HashMap<>();

    LedgerSealer(
            JdbcClient jdbc,
            JdbcTemplate batches,
            PlatformTransactionManager transactions,
            ApprovalProperties properties) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transaction = new TransactionTemplate(transactions);
        this.gapTimeout = properties.ledger().gapTimeout();
    }

    @Scheduled(fixedDelayString = "${approval.ledger.seal-interval:PT0.2S}")
    void sealNew() {
        try {
            while (sealBatch() == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("Sealing the ledger failed; the next round retries: {}", e.toString());
        }
    }

    /** Seals what follows the head in one transaction; returns how many events it sealed. */
    synchronized int sealBatch() {
        Integer sealed = transaction.execute(status -> {
            Head head = jdbc.sql("SELECT position, global_index, hash FROM ledger_head WHERE id = 1 FOR UPDATE")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                    .single();
            List<LedgerEntry> following = following(head.globalIndex());
            noteGaps(head.globalIndex(), following);
            List<Seal> seals = new ArrayList<>();
            Head last = head;
            for (LedgerEntry event : following) {
                if (event.globalIndex() != last.globalIndex() + 1 && !gapSettled(event.globalIndex())) {
                    break;
                }
                LedgerEntry seal = event.sealedAt(last.position() + 1, last.hash());
                last = new Head(seal.position(), seal.globalIndex(), seal.hash());
                seals.add(new Seal(last, Instant.parse(seal.timestamp())));
            }
            if (seals.isEmpty()) {
                return 0;
            }
            batches.batchUpdate(
                    "INSERT INTO ledger_seal (position, global_index, event_time, hash) VALUES (?, ?, ?, ?)",
                    seals.stream()
                            .map(seal -> new Object[] {
                                seal.head().position(),
                                seal.head().globalIndex(),
                                Columns.utc(seal.eventTime()),
                                seal.head().hash()
                            })
                            .toList());
            jdbc.sql("UPDATE ledger_head SET position = ?, global_index = ?, hash = ?, sealed_at = ? WHERE id = 1")
                    .params(last.position(), last.globalIndex(), last.hash(), Columns.utc(clock.instant()))
                    .update();
            long sealedUpTo = last.globalIndex();
            gapsSeen.keySet().removeIf(globalIndex -> globalIndex <= sealedUpTo);
            return seals.size();
        });
        return sealed == null ? 0 : sealed;
    }

    /**
     * Every gap in sight starts its wait now, not once the sealer reaches it: gaps left by commands that lost a race
     * (several nodes) or rolled back are passed together after one timeout, not one timeout each.
     */
    private void noteGaps(long after, List<LedgerEntry> following) {
        Instant now = clock.instant();
        long previous = after;
        for (LedgerEntry event : following) {
            if (event.globalIndex() != previous + 1) {
                gapsSeen.putIfAbsent(event.globalIndex(), now);
            }
            previous = event.globalIndex();
        }
    }

    /** Whether the global indexes missing before {@code globalIndex} have been missing long enough to be passed. */
    private boolean gapSettled(long globalIndex) {
        Instant seen = gapsSeen.get(globalIndex);
        return seen != null && !seen.plus(gapTimeout).isAfter(clock.instant());
    }

    private List<LedgerEntry> following(long globalIndex) {
        return jdbc.sql("SELECT NULL, " + Ledger.EVENT_COLUMNS + ", NULL FROM DomainEventEntry e"
                        + " WHERE e.globalIndex > ? ORDER BY e.globalIndex FETCH FIRST " + BATCH + " ROWS ONLY")
                .param(globalIndex)
                .query((rs, row) -> Ledger.entry(rs))
                .list();
    }

    private record Head(long position, long globalIndex, String hash) {}

    private record Seal(Head head, Instant eventTime) {}
}
