package org.signoff.api.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.signoff.api.durability.Durability;
import org.signoff.common.InstitutionCode;
import org.signoff.ledger.ChainHash;
import org.signoff.ledger.ChainPoint;
import org.signoff.ledger.ChainVerifier;
import org.signoff.ledger.LedgerEntry;
import org.signoff.storage.Columns;

/**
 * The sealed event store as an institution's auditor reads it: its chain's head, runs of its entries in the store's
 * global order (sealed or, where something was slipped in, not), and its chain checked over the live store. Nothing of
 * another institution's chain is read out.
 */
@Component
public class Ledger {

    /** The stored columns of an event {@code e} that the chain covers, in {@link LedgerEntry}'s order. */
    static final String EVENT_COLUMNS = "e.globalIndex, e.eventIdentifier, e.type, e.aggregateIdentifier,"
            + " e.sequenceNumber, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData";

    /** Rows fetched at a time while streaming: a run of a million entries is never in memory at once. */
    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final Durability durability;
    private volatile String defaultInstitution;

    Ledger(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, Durability durability) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.durability = durability;
    }

    /**
     * The last seal of an institution's chain: what its auditor records elsewhere to check later exports against.
     *
     * @param sealedAt when it was sealed; {@code null} while nothing is
     */
    public record Head(String institution, long position, long globalIndex, String hash, Instant sealedAt) {

        public ChainPoint point() {
            return new ChainPoint(position, hash);
        }
    }

    /** The head of the institution's chain, once on disk: a head once published is never lost to a crash. */
    public Head head(InstitutionCode institution) {
        durability.awaitCommitsStored();
        return jdbc.sql("SELECT position, global_index, hash, sealed_at FROM ledger_head WHERE institution = ?")
                .param(institution.value())
                .query((rs, n) -> new Head(
                        institution.value(),
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Columns.instant(rs, "sealed_at")))
                .optional()
                .orElse(new Head(institution.value(), 0, 0, ChainHash.GENESIS, null));
    }

    /**
     * The run of the institution's sealed events whose own time lies in {@code [from, to)} ({@code to} may be
     * {@code null}: no end): from the first such seal to the last, by global index; empty when there is none.
     */
    public Optional<Run> run(Instant from, Instant to, Head head) {
        return jdbc.sql("SELECT MIN(position), MAX(position) FROM ledger_seal WHERE institution = ? AND event_time >= ?"
                        + (to == null ? "" : " AND event_time < ?") + " AND position <= ?")
                .params(
                        to == null
                                ? List.of(head.institution(), Columns.utc(from), head.position())
                                : List.of(head.institution(), Columns.utc(from), Columns.utc(to), head.position()))
                .query((rs, n) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .map(positions -> new Run(
                        head.institution(),
                        before(head.institution(), positions[0]),
                        globalIndexAt(head.institution(), positions[0]),
                        globalIndexAt(head.institution(), positions[1])));
    }

    /** Everything sealed in the institution's chain up to {@code head}. */
    public Run all(Head head) {
        return new Run(head.institution(), ChainPoint.START, 0, head.globalIndex());
    }

    /**
     * An institution's events by global index, first to last (both included), and the seal before the first: where
     * their chain is verified from.
     */
    public record Run(String institution, ChainPoint after, long firstGlobalIndex, long lastGlobalIndex) {}

    /** Receives entries one at a time. */
    @FunctionalInterface
    public interface EntrySink {
        /** @return {@code false} to stop */
        boolean accept(LedgerEntry entry) throws Exception;
    }

    /** Receives entries one at a time with the institution whose chain they are sealed in (unsealed: their own). */
    @FunctionalInterface
    interface ChainSink {
        /** @return {@code false} to stop */
        boolean accept(String chain, LedgerEntry entry) throws Exception;
    }

    /**
     * Streams every event of the run's institution stored in the run, in global order, with its seal: also any event
     * of the institution slipped in among them that has none.
     */
    public void entries(Run run, EntrySink sink) throws Exception {
        stream(
                " AND (s.institution = ? OR s.institution IS NULL)",
                List.of(run.firstGlobalIndex(), run.lastGlobalIndex(), run.institution()),
                (chain, entry) -> !chain.equals(run.institution()) || sink.accept(entry));
    }

    /** Streams every event stored up to {@code globalIndex}, of every institution, with the chain it is sealed in. */
    void everyEntry(long globalIndex, ChainSink sink) throws Exception {
        stream("", List.of(0L, globalIndex), sink);
    }

    private void stream(String condition, List<Object> params, ChainSink sink) throws Exception {
        String defaultCode = defaultInstitution();
        try {
            readOnly.executeWithoutResult(status -> streaming.query(
                    "SELECT s.position, " + EVENT_COLUMNS + ", s.hash, s.institution FROM DomainEventEntry e"
                            + " LEFT JOIN ledger_seal s ON s.global_index = e.globalIndex"
                            + " WHERE e.globalIndex >= ? AND e.globalIndex <= ?" + condition
                            + " ORDER BY e.globalIndex",
                    (RowCallbackHandler) rs -> {
                        boolean more;
                        try {
                            LedgerEntry entry = entry(rs);
                            String chain = rs.getString(13);
                            more = sink.accept(chain == null ? institutionOf(entry, defaultCode) : chain, entry);
                        } catch (RuntimeException | SQLException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new Stopped(e);
                        }
                        if (!more) {
                            throw new Stopped(null);
                        }
                    },
                    params.toArray()));
        } catch (Stopped stopped) {
            if (stopped.getCause() instanceof Exception cause) {
                throw cause;
            }
        }
    }

    /**
     * Verifies the institution's chain over the live store up to its head, and against a head recorded earlier if
     * given.
     */
    public ChainVerifier.Verification verify(InstitutionCode institution, ChainPoint recorded) throws Exception {
        Head head = head(institution);
        ChainVerifier chain = new ChainVerifier(ChainPoint.START, recorded, institution.value(), defaultInstitution());
        entries(all(head), chain::accept);
        return chain.result(head.point());
    }

    /** The store's default institution, whose chain holds the events that name none. */
    String defaultInstitution() {
        if (defaultInstitution == null) {
            defaultInstitution = jdbc.sql("SELECT code FROM default_institution")
                    .query(String.class)
                    .single();
        }
        return defaultInstitution;
    }

    /**
     * The institution an event is of: the one its metadata names, or the default institution for an event written
     * before institutions. The sealer seals it into that institution's chain.
     */
    static String institutionOf(LedgerEntry event, String defaultInstitution) {
        String named = event.institution();
        return named == null ? defaultInstitution : named;
    }

    /** The last seal before {@code position} (the one right before it, unless that one was deleted). */
    private ChainPoint before(String institution, long position) {
        return jdbc.sql("SELECT position, hash FROM ledger_seal WHERE institution = ? AND position < ?"
                        + " ORDER BY position DESC FETCH FIRST 1 ROW ONLY")
                .params(institution, position)
                .query((rs, n) -> new ChainPoint(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(ChainPoint.START);
    }

    private long globalIndexAt(String institution, long position) {
        return jdbc.sql("SELECT global_index FROM ledger_seal WHERE institution = ? AND position = ?")
                .params(institution, position)
                .query(Long.class)
                .single();
    }

    /**
     * A row of {@code position, }{@link #EVENT_COLUMNS}{@code , hash} (and anything after) as an entry; with a null position and hash, an
     * event not (yet) sealed.
     */
    static LedgerEntry entry(ResultSet rs) throws SQLException {
        long position = rs.getLong(1);
        boolean sealed = !rs.wasNull();
        return new LedgerEntry(
                sealed ? position : null,
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getBytes(10),
                rs.getBytes(11),
                rs.getString(12));
    }

    /** Ends a stream early: the sink has what it needs, or could not take more. */
    private static final class Stopped extends RuntimeException {

        Stopped(Throwable cause) {
            super(cause);
        }
    }
}
