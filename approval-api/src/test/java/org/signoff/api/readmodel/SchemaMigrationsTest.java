package org.signoff.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's schema and the read models' each keep a history of their own: a new store gets both, and a store
 * written while they shared one is handed over on its first start, its read models reset where a reset it had not run
 * yet would have reset them, on H2 and on PostgreSQL.
 */
class SchemaMigrationsTest {

    private static final String ENGINE = "classpath:db/migration/engine";

    @Test
    void aNewStoreKeepsTheEngineAndTheReadModelsInHistoriesOfTheirOwnOnH2() {
        keepsTwoHistories(h2());
    }

    @Test
    void aNewStoreKeepsTheEngineAndTheReadModelsInHistoriesOfTheirOwnOnPostgres() throws IOException {
        onPostgres(SchemaMigrationsTest::keepsTwoHistories);
    }

    @Test
    void aStoreWrittenWithOneHistoryIsHandedOverOnH2() {
        handsOver(h2());
    }

    @Test
    void aStoreWrittenWithOneHistoryIsHandedOverOnPostgres() throws IOException {
        onPostgres(SchemaMigrationsTest::handsOver);
    }

    private static void keepsTwoHistories(DataSource dataSource) {
        new SchemaMigrations().migrate(engine(dataSource));
        new SchemaMigrations().migrate(engine(dataSource));

        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(scripts(jdbc, "flyway_schema_history"))
                .as("the engine's history")
                .isNotEmpty()
                .allMatch(script -> script.startsWith("V1_") || script.startsWith("V2_"))
                .doesNotContain("V2_1__projections.sql", "V3_1__read_model_shapes.sql");
        assertThat(scripts(jdbc, SchemaMigrations.READ_MODEL_HISTORY))
                .as("the read models' history")
                .contains("V2_1__projections.sql", "V3_1__read_model_shapes.sql")
                .doesNotContain("V1_1__axon_event_store.sql");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM read_model_shape")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lookup_open_support_ticket_ref")
                        .query(Integer.class)
                        .single())
                .as("an engine table made from a read model's (V2_8, keyed per institution by V2_47), in order")
                .isZero();
    }

    private static void handsOver(DataSource dataSource) {
        // as the earlier versions migrated: one history over both, here up to 2.20
        Flyway.configure()
                .dataSource(dataSource)
                .locations(ENGINE, SchemaMigrations.READ_MODEL_LOCATION)
                .target("2.20")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (String processor : List.of("tickets", "master-list", "staff", "catalog", "ledger")) {
            jdbc.sql("INSERT INTO TokenEntry (processorName, segment) VALUES (?, 0)")
                    .param(processor)
                    .update();
        }
        // the resets of V2_3, V2_14 and V2_17 ran then (they were engine migrations); V2_28 had not yet
        for (String[] reset : List.of(
                new String[] {"2.3", "V2_3__rebuild_reshaped_read_models.sql"},
                new String[] {"2.14", "V2_14__rebuild_the_master_list_with_its_history.sql"},
                new String[] {"2.17", "V2_17__rebuild_the_ticket_histories.sql"})) {
            jdbc.sql("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                            + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                            + "\"success\") VALUES ((SELECT MAX(\"installed_rank\") + 1 FROM "
                            + "\"flyway_schema_history\"), ?, 'reset', 'SQL', ?, 0, 'sa', 1, TRUE)")
                    .params(reset[0], reset[1])
                    .update();
        }

        new SchemaMigrations().migrate(engine(dataSource));

        assertThat(scripts(jdbc, "flyway_schema_history"))
                .as("the engine's history keeps the engine's migrations only")
                .contains("V2_19__staff_who_left.sql", "V2_31__webhook_signing_secrets.sql")
                .doesNotContain(
                        "V2_13__master_list_as_of_any_instant.sql",
                        "V2_29__migrated_sign_offs.sql",
                        "V2_3__rebuild_reshaped_read_models.sql");
        assertThat(scripts(jdbc, SchemaMigrations.READ_MODEL_HISTORY))
                .as("the read models' history: the handed-over ones as a baseline, the later ones run")
                .contains("V2_21__recertification_campaigns.sql", "V3_1__read_model_shapes.sql")
                .doesNotContain("V2_13__master_list_as_of_any_instant.sql");
        assertThat(jdbc.sql("SELECT processorName FROM TokenEntry ORDER BY processorName")
                        .query(String.class)
                        .list())
                .as("the tickets reset as V2_28 would have; the others as they were")
                .containsExactly("catalog", "ledger", "master-list", "staff");

        new SchemaMigrations().migrate(engine(dataSource));
        assertThat(jdbc.sql("SELECT processorName FROM TokenEntry ORDER BY processorName")
                        .query(String.class)
                        .list())
                .as("handed over once")
                .containsExactly("catalog", "ledger", "master-list", "staff");
    }

    private static Flyway engine(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(ENGINE).load();
    }

    private static List<String> scripts(JdbcClient jdbc, String history) {
        return jdbc.sql("SELECT \"script\" FROM \"" + history + "\" WHERE \"type\" = 'SQL'")
                .query(String.class)
                .list();
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static void onPostgres(Consumer<DataSource> migrations) throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            migrations.accept(postgres.getPostgresDatabase());
        }
    }
}
