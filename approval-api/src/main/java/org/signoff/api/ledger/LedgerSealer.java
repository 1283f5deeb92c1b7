package org.signoff.api.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.signoff.api.ApprovalProperties;
import org.signoff.ledger.ChainHash;
import org.signoff.ledger.ChainPoint;
import org.signoff.ledger.HeadSeal;
import org.signoff.ledger.LedgerEntry;
import org.signoff.storage.Columns;

/**
 * Seals events shortly after they commit, each into the chain of its institution, in the store's global order, on
 * every node but one at a time: a round locks the consortium's head row, so a second node waits and then carries on
 * from where the first stopped. A round ends by sealing into the consortium's chain the head of every chain it moved.
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
    private final String defaultInstitution;
    private final Clock clock = Clock.systemUTC();

    /** Whether a round of this node has sealed the heads the consortium's chain did not hold yet. */
    private boolean headsChecked;

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
        this.defaultInstitution = properties.institution().defaultInstitution().value();
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

    /** Seals what follows in one transaction; returns how many events it sealed. */
    synchronized int sealBatch() {
        Integer sealed = transaction.execute(status -> {
            Consortium consortium = jdbc.sql(
                            "SELECT position, hash, global_index FROM ledger_consortium_head WHERE id = 1 FOR UPDATE")
                    .query((rs, n) -> new Consortium(new ChainPoint(rs.getLong(1), rs.getString(2)), rs.getLong(3)))
                    .single();
            List<LedgerEntry> following = following(consortium.sealedUpTo());
            noteGaps(consortium.sealedUpTo(), following);
            Map<String, Head> heads = new TreeMap<>();
            List<Seal> seals = new ArrayList<>();
            long sealedUpTo = consortium.sealedUpTo();
            for (LedgerEntry event : following) {
                if (event.globalIndex() != sealedUpTo + 1 && !gapSettled(event.globalIndex())) {
                    break;
                }
                String institution = Ledger.institutionOf(event, defaultInstitution);
                Head last = heads.computeIfAbsent(institution, this::head);
                LedgerEntry seal = event.sealedAt(last.position() + 1, last.hash());
                heads.put(institution, new Head(seal.position(), seal.globalIndex(), seal.hash(), last.stored()));
                seals.add(new Seal(institution, seal, Instant.parse(seal.timestamp())));
                sealedUpTo = seal.globalIndex();
            }
            Instant now = clock.instant();
            if (!seals.isEmpty()) {
                batches.batchUpdate(
                        "INSERT INTO ledger_seal (institution, position, global_index, event_time, hash)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        seals.stream()
                                .map(seal -> new Object[] {
                                    seal.institution(),
                                    seal.entry().position(),
                                    seal.entry().globalIndex(),
                                    Columns.utc(seal.eventTime()),
                                    seal.entry().hash()
                                })
                                .toList());
                heads.forEach((institution, head) -> store(institution, head, now));
            }
            Map<String, ChainPoint> moved = new TreeMap<>();
            heads.forEach((institution, head) -> moved.put(institution, new ChainPoint(head.position(), head.hash())));
            if (!headsChecked) {
                unsealedHeads().forEach(moved::putIfAbsent);
            }
            sealHeads(consortium, moved, sealedUpTo, now);
            long passed = sealedUpTo;
            gapsSeen.keySet().removeIf(globalIndex -> globalIndex <= passed);
            return seals.size();
        });
        headsChecked = true;
        return sealed == null ? 0 : sealed;
    }

    /** Seals the heads that moved into the consortium's chain, in the order of their institutions' codes. */
    private void sealHeads(Consortium consortium, Map<String, ChainPoint> heads, long sealedUpTo, Instant now) {
        List<HeadSeal> moved = new ArrayList<>();
        ChainPoint last = consortium.head();
        for (Map.Entry<String, ChainPoint> head : heads.entrySet()) {
            HeadSeal seal = HeadSeal.sealedAt(last.position() + 1, last.hash(), head.getKey(), head.getValue());
            moved.add(seal);
            last = new ChainPoint(seal.position(), seal.hash());
        }
        if (moved.isEmpty()) {
            if (sealedUpTo == consortium.sealedUpTo()) {
                return; // an idle round writes nothing
            }
            jdbc.sql("UPDATE ledger_consortium_head SET global_index = ? WHERE id = 1")
                    .param(sealedUpTo)
                    .update();
            return;
        }
        batches.batchUpdate(
                "INSERT INTO ledger_consortium_seal (position, institution, institution_position, institution_hash,"
                        + " hash, sealed_at) VALUES (?, ?, ?, ?, ?, ?)",
                moved.stream()
                        .map(seal -> new Object[] {
                            seal.position(),
                            seal.institution(),
                            seal.head().position(),
                            seal.head().hash(),
                            seal.hash(),
                            Columns.utc(now)
                        })
                        .toList());
        jdbc.sql(
                        "UPDATE ledger_consortium_head SET position = ?, hash = ?, sealed_at = ?, global_index = ? WHERE id = 1")
                .params(last.position(), last.hash(), Columns.utc(now), sealedUpTo)
                .update();
    }

    /**
     * The institutions' heads that are not the last the consortium's chain holds for them, by institution: after the
     * upgrade, the default institution's chain from before. Read at a node's first round only; later rounds seal the
     * heads they move in the same transaction.
     */
    private Map<String, ChainPoint> unsealedHeads() {
        Map<String, ChainPoint> heads = new TreeMap<>();
        jdbc.sql("SELECT h.institution, h.position, h.hash FROM ledger_head h WHERE h.position > 0 AND NOT EXISTS"
                        + " (SELECT 1 FROM ledger_consortium_seal c WHERE c.institution = h.institution"
                        + " AND c.institution_position = h.position AND c.institution_hash = h.hash"
                        + " AND c.position = (SELECT MAX(d.position) FROM ledger_consortium_seal d"
                        + " WHERE d.institution = h.institution))")
                .query(rs -> {
                    heads.put(rs.getString(1), new ChainPoint(rs.getLong(2), rs.getString(3)));
                });
        return heads;
    }

    /** An institution's head as stored, or the start of a chain it does not have yet. */
    private Head head(String institution) {
        return jdbc.sql("SELECT position, global_index, hash FROM ledger_head WHERE institution = ?")
                .param(institution)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), true))
                .optional()
                .orElse(new Head(0, 0, ChainHash.GENESIS, false));
    }

    private void store(String institution, Head head, Instant now) {
        if (head.stored()) {
            jdbc.sql("UPDATE ledger_head SET position = ?, global_index = ?, hash = ?, sealed_at = ?"
                            + " WHERE institution = ?")
                    .params(head.position(), head.globalIndex(), head.hash(), Columns.utc(now), institution)
                    .update();
        } else {
            jdbc.sql("INSERT INTO ledger_head (institution, position, global_index, hash, sealed_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(institution, head.position(), head.globalIndex(), head.hash(), Columns.utc(now))
                    .update();
        }
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

    /** @param stored whether the chain has a row in {@code ledger_head} yet */
    private record Head(long position, long globalIndex, String hash, boolean stored) {}

    private record Seal(String institution, LedgerEntry entry, Instant eventTime) {}

    /** The consortium's head, and the global index up to which the store is sealed. */
    private record Consortium(ChainPoint head, long sealedUpTo) {}
}
