package org.signoff.api.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.signoff.api.durability.Durability;
import org.signoff.ledger.ChainHash;
import org.signoff.ledger.ChainPoint;
import org.signoff.ledger.ChainVerifier;
import org.signoff.ledger.HeadSeal;
import org.signoff.storage.Columns;

/**
 * The whole store as the consortium verifies it: the consortium's chain over the heads of the institutions' chains,
 * every institution's chain, and every event of the store sealed in exactly one chain, its institution's.
 */
@Component
class ConsortiumLedger {

    /** Rows fetched at a time while streaming the consortium's chain, as long as the store in a busy consortium. */
    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final Ledger ledger;
    private final Durability durability;

    ConsortiumLedger(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            PlatformTransactionManager transactions,
            Ledger ledger,
            Durability durability) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.ledger = ledger;
        this.durability = durability;
    }

    /**
     * The consortium's head and each institution's: codes, positions and hashes, no event.
     *
     * @param sealedAt when the consortium's chain was last sealed; {@code null} while nothing is
     */
    record Heads(long position, String hash, Instant sealedAt, List<InstitutionHead> institutions) {}

    /** An institution's head as the consortium's chain holds it. */
    record InstitutionHead(String institution, long position, String hash) {}

    /** The heads, once on disk. */
    Heads heads() {
        durability.awaitCommitsStored();
        Consortium consortium = consortium();
        return new Heads(
                consortium.head().position(),
                consortium.head().hash(),
                consortium.sealedAt(),
                List.copyOf(latest(consortium.head().position()).values()));
    }

    /**
     * The verification of the whole store as of the consortium's head: each institution's chain up to the head the
     * consortium's chain holds for it, and the consortium's chain itself.
     */
    Verification verify() throws Exception {
        durability.awaitCommitsStored();
        Consortium consortium = consortium();
        HeadChain consortiumChain = verifyConsortiumChain(consortium.head());
        String defaultInstitution = ledger.defaultInstitution();
        Map<String, ChainVerifier> chains = new TreeMap<>();
        ledger.everyEntry(consortium.sealedUpTo(), (chain, entry) -> {
            chains.computeIfAbsent(
                            chain,
                            institution -> new ChainVerifier(ChainPoint.START, null, institution, defaultInstitution))
                    .accept(entry);
            return true;
        });
        Map<String, InstitutionHead> heads = consortiumChain.heads();
        heads.keySet()
                .forEach(institution -> chains.computeIfAbsent(
                        institution, code -> new ChainVerifier(ChainPoint.START, null, code, defaultInstitution)));
        List<InstitutionCheck> institutions = new ArrayList<>();
        chains.forEach((institution, verifier) -> {
            InstitutionHead head = heads.get(institution);
            // a chain the consortium's does not name: its head must not have moved from the start
            ChainVerifier.Verification result =
                    verifier.result(head == null ? ChainPoint.START : new ChainPoint(head.position(), head.hash()));
            institutions.add(new InstitutionCheck(
                    institution, result.intact(), result.checked(), result.last(), result.firstBreak()));
        });
        boolean intact =
                consortiumChain.check().intact() && institutions.stream().allMatch(InstitutionCheck::intact);
        return new Verification(intact, consortiumChain.check(), institutions);
    }

    /**
     * @param intact whether the consortium's chain and every institution's chain hold
     * @param consortium the consortium's chain over the heads
     * @param institutions each institution's chain
     */
    record Verification(boolean intact, Check consortium, List<InstitutionCheck> institutions) {}

    /** A chain's check: whether every link holds, how many entries were checked, up to where, the first break. */
    record Check(boolean intact, long checked, ChainPoint last, ChainVerifier.Break firstBreak) {}

    /** An institution's chain's check. */
    record InstitutionCheck(
            String institution, boolean intact, long checked, ChainPoint last, ChainVerifier.Break firstBreak) {}

    /**
     * Each entry of the consortium's chain up to its head, streamed: linked to the one before, and naming a seal that
     * is in the institution's chain with that hash (an institution's chain's own hashes are checked with its events).
     */
    private HeadChain verifyConsortiumChain(ChainPoint head) {
        HeadChain chain = new HeadChain();
        readOnly.executeWithoutResult(status -> streaming.query(
                "SELECT c.position, c.institution, c.institution_position, c.institution_hash, c.hash, s.hash"
                        + " FROM ledger_consortium_seal c LEFT JOIN ledger_seal s"
                        + " ON s.institution = c.institution AND s.position = c.institution_position"
                        + " WHERE c.position <= ? ORDER BY c.position",
                (RowCallbackHandler) rs -> chain.accept(
                        new HeadSeal(
                                rs.getLong(1),
                                rs.getString(2),
                                new ChainPoint(rs.getLong(3), rs.getString(4)),
                                rs.getString(5)),
                        rs.getString(6)),
                head.position()));
        chain.end(head);
        return chain;
    }

    /** The consortium's chain as it is checked, entry by entry; the last head it holds for each institution. */
    private static final class HeadChain {

        private final Map<String, InstitutionHead> heads = new TreeMap<>();
        private ChainPoint last = ChainPoint.START;
        private long checked;
        private ChainVerifier.Break broken;

        void accept(HeadSeal seal, String sealedInChain) {
            if (broken != null) {
                return;
            }
            String fault = null;
            if (seal.position() != last.position() + 1) {
                fault = "position " + (last.position() + 1) + " of the consortium's chain is missing";
            } else if (!ChainHash.link(last.hash(), seal).equals(seal.hash())) {
                fault = "its content does not match its seal: the head it holds or its seal was changed after sealing";
            } else if (!seal.head().hash().equals(sealedInChain)) {
                fault = "it holds position " + seal.head().position() + " of " + seal.institution()
                        + "'s chain with a hash that chain does not have there: that chain was rewritten or cut short";
            }
            if (fault != null) {
                broken = new ChainVerifier.Break(seal.position(), null, null, fault);
                return;
            }
            last = new ChainPoint(seal.position(), seal.hash());
            heads.put(
                    seal.institution(),
                    new InstitutionHead(
                            seal.institution(),
                            seal.head().position(),
                            seal.head().hash()));
            checked++;
        }

        void end(ChainPoint head) {
            if (broken == null && !last.equals(head)) {
                broken = new ChainVerifier.Break(
                        null, null, null, "the consortium's chain ends at " + last + ", not at its head " + head);
            }
        }

        Map<String, InstitutionHead> heads() {
            return heads;
        }

        Check check() {
            return new Check(broken == null, checked, last, broken);
        }
    }

    /** The last head the consortium's chain holds for each institution, up to its position {@code upTo}. */
    private Map<String, InstitutionHead> latest(long upTo) {
        Map<String, InstitutionHead> heads = new TreeMap<>();
        for (String institution : jdbc.sql("SELECT institution FROM ledger_head")
                .query(String.class)
                .list()) {
            // one institution at a time: a seek each on (institution, position), however long the chain
            jdbc.sql("SELECT institution_position, institution_hash FROM ledger_consortium_seal"
                            + " WHERE institution = ? AND position <= ? ORDER BY position DESC FETCH FIRST 1 ROW ONLY")
                    .params(institution, upTo)
                    .query((rs, n) -> new InstitutionHead(institution, rs.getLong(1), rs.getString(2)))
                    .optional()
                    .ifPresent(head -> heads.put(institution, head));
        }
        return heads;
    }

    private Consortium consortium() {
        return jdbc.sql("SELECT position, hash, sealed_at, global_index FROM ledger_consortium_head WHERE id = 1")
                .query((rs, n) -> new Consortium(
                        new ChainPoint(rs.getLong(1), rs.getString(2)),
                        Columns.instant(rs, "sealed_at"),
                        rs.getLong(4)))
                .single();
    }

    private record Consortium(ChainPoint head, Instant sealedAt, long sealedUpTo) {}
}
