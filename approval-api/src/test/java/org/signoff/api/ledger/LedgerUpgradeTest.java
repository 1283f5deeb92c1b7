package org.signoff.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.durability.Durability;
import org.signoff.common.InstitutionCode;
import org.signoff.ledger.ChainPoint;
import org.signoff.ledger.LedgerEntry;
import org.signoff.ledger.LedgerFile;
import org.signoff.ledger.VerifyCommand;
import org.signoff.storage.Columns;

/**
 * A store whose one chain was sealed before institutions (at engine version 2.42, as that release sealed it) upgrades
 * in place: the chain becomes the default institution's with every position and hash as it was, an export taken
 * before still verifies, the head recorded before is in the chain after, new events of the default institution carry on its chain and those
 * of another start their own, and the consortium verifies them all; on H2 and on PostgreSQL.
 */
class LedgerUpgradeTest {

    private static final String[] LOCATIONS = {"classpath:db/migration/engine", "classpath:db/migration/projections"};
    private static final InstitutionCode DEFAULT = InstitutionCode.of("01BLC_BU");
    private static final InstitutionCode OTHER = InstitutionCode.of("01BLC_BC");

    @Test
    void aChainSealedBeforeInstitutionsIsTheDefaultInstitutionsAfterTheUpgradeOnH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        upgrades(h2);
    }

    @Test
    void aChainSealedBeforeInstitutionsIsTheDefaultInstitutionsAfterTheUpgradeOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            upgrades(postgres.getPostgresDatabase());
        }
    }

    private static void upgrades(DataSource dataSource) throws Exception {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .target("2.42")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (int i = 0; i < 6; i++) {
            event(jdbc, "{\"client\":\"ticketing\"}"); // before institutions: no institution named
        }
        ChainPoint before = sealedAsBeforeInstitutions(jdbc);
        String exportBefore = exportAsBeforeInstitutions(jdbc, before);

        ApprovalProperties properties = new Binder(new MapConfigurationPropertySource(
                        Map.of("approval.institution.default-code", DEFAULT.value())))
                .bindOrCreate("approval", ApprovalProperties.class);
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .javaMigrations(new LedgerChainsPerInstitution(properties))
                .load()
                .migrate();
        jdbc.sql("INSERT INTO default_institution (code) VALUES (?)")
                .param(DEFAULT.value())
                .update(); // as the first start records it

        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        Ledger ledger = new Ledger(jdbc, new JdbcTemplate(dataSource), transactions, Durability.EVERY_COMMIT);
        LedgerSealer sealer = new LedgerSealer(jdbc, new JdbcTemplate(dataSource), transactions, properties);
        ConsortiumLedger consortium =
                new ConsortiumLedger(jdbc, new JdbcTemplate(dataSource), transactions, ledger, Durability.EVERY_COMMIT);
        assertThat(ledger.head(DEFAULT).point()).as("the head, unchanged").isEqualTo(before);

        sealer.sealBatch();
        assertThat(consortium.heads().institutions())
                .as("the first round seals the default institution's head from before into the consortium's chain")
                .containsExactly(new ConsortiumLedger.InstitutionHead(DEFAULT.value(), 6, before.hash()));

        event(jdbc, "{\"client\":\"ticketing\",\"institution\":\"01BLC_BU\"}");
        event(jdbc, "{\"client\":\"bc-ticketing\",\"institution\":\"01BLC_BC\"}");
        event(jdbc, "{\"client\":\"ticketing\",\"institution\":\"01BLC_BU\"}");
        sealer.sealBatch();

        Ledger.Head after = ledger.head(DEFAULT);
        assertThat(after.position())
                .as("the default institution's chain carries on")
                .isEqualTo(8);
        assertThat(ledger.head(OTHER).position()).as("another's starts its own").isEqualTo(1);

        VerifyCommand.Outcome old = verify(exportBefore, before);
        assertThat(old.verification().intact())
                .as("the export from before still verifies after the upgrade: %s", old)
                .isTrue();
        String exportAfter = export(new LedgerExport(ledger), DEFAULT);
        VerifyCommand.Outcome now = verify(exportAfter, before);
        assertThat(now.verification().intact()).as(now.toString()).isTrue();
        assertThat(now.verification().recordedHeadChecked())
                .as("the head from before is in the chain after, at its position with its hash")
                .isTrue();
        assertThat(exportAfter.lines().skip(1).limit(6).toList())
                .as("every event from before at the same position with the same seal")
                .isEqualTo(exportBefore.lines().skip(1).toList());
        assertThat(exportAfter.lines().skip(1)).hasSize(8);

        ConsortiumLedger.Verification whole = consortium.verify();
        assertThat(whole.intact()).as(whole.toString()).isTrue();
        assertThat(whole.institutions())
                .extracting(ConsortiumLedger.InstitutionCheck::institution, ConsortiumLedger.InstitutionCheck::checked)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OTHER.value(), 1L),
                        org.assertj.core.groups.Tuple.tuple(DEFAULT.value(), 8L));
    }

    private static void event(JdbcClient jdbc, String metaData) {
        long count = jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        jdbc.sql(
                        "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,"
                                + " payload, payloadType, timeStamp) VALUES (?, ?, 'Probe', ?, ?, ?, 'org.signoff.test.Probe', ?)")
                .params(
                        "probe",
                        count,
                        "event-" + count,
                        metaData.getBytes(StandardCharsets.UTF_8),
                        ("{\"n\":" + count + "}").getBytes(StandardCharsets.UTF_8),
                        Instant.parse("2026-11-01T10:00:00Z").plusSeconds(count).toString())
                .update();
    }

    /** One chain over the store, in its order, into the tables of V2_12: as the sealer of the release before did. */
    private static ChainPoint sealedAsBeforeInstitutions(JdbcClient jdbc) {
        List<LedgerEntry> events = jdbc.sql("SELECT NULL, " + Ledger.EVENT_COLUMNS + ", NULL FROM DomainEventEntry e"
                        + " ORDER BY e.globalIndex")
                .query((rs, n) -> Ledger.entry(rs))
                .list();
        ChainPoint head = ChainPoint.START;
        long globalIndex = 0;
        for (LedgerEntry event : events) {
            LedgerEntry sealed = event.sealedAt(head.position() + 1, head.hash());
            jdbc.sql("INSERT INTO ledger_seal (position, global_index, event_time, hash) VALUES (?, ?, ?, ?)")
                    .params(
                            sealed.position(),
                            sealed.globalIndex(),
                            Columns.utc(Instant.parse(sealed.timestamp())),
                            sealed.hash())
                    .update();
            head = new ChainPoint(sealed.position(), sealed.hash());
            globalIndex = sealed.globalIndex();
        }
        jdbc.sql("UPDATE ledger_head SET position = ?, global_index = ?, hash = ? WHERE id = 1")
                .params(head.position(), globalIndex, head.hash())
                .update();
        return head;
    }

    /** The export an auditor took then: its header names no institution, its entries in the chain's order. */
    private static String exportAsBeforeInstitutions(JdbcClient jdbc, ChainPoint head) throws IOException {
        List<LedgerEntry> entries = jdbc.sql("SELECT s.position, " + Ledger.EVENT_COLUMNS + ", s.hash"
                        + " FROM DomainEventEntry e JOIN ledger_seal s ON s.global_index = e.globalIndex"
                        + " ORDER BY e.globalIndex")
                .query((rs, n) -> Ledger.entry(rs))
                .list();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LedgerFile.Writer writer = new LedgerFile.Writer(out)) {
            writer.header(new LedgerFile.Header(null, head, ChainPoint.START, null, null));
            for (LedgerEntry entry : entries) {
                writer.entry(entry);
            }
        }
        String export = out.toString(StandardCharsets.UTF_8);
        assertThat(export.lines().findFirst().orElseThrow())
                .as("the header as that release wrote it")
                .isEqualTo("{\"ledger\":\"approval-engine-ledger/1\",\"head\":{\"position\":" + head.position()
                        + ",\"hash\":\"" + head.hash() + "\"},\"after\":{\"position\":0,\"hash\":\""
                        + ChainPoint.START.hash() + "\"},\"from\":null,\"to\":null}");
        return export;
    }

    private static String export(LedgerExport export, InstitutionCode institution) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(out, institution, null, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static VerifyCommand.Outcome verify(String export, ChainPoint recorded) throws IOException {
        try (LedgerFile.Reader reader =
                new LedgerFile.Reader(new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)))) {
            return VerifyCommand.verify(reader, recorded);
        }
    }
}
