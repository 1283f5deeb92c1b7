package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.storage.Columns;

/**
 * A database written by an earlier version upgrades in place: people's roles and liaison units, once joined with
 * ',' and a newline, become JSON arrays that read back as the same sets, and a webhook subscription's plain secret
 * stays its signing key, on H2 and on PostgreSQL.
 */
class MigrationTest {

    private static final String[] LOCATIONS = {"classpath:db/migration/engine", "classpath:db/migration/projections"};

    @Test
    void rolesAndLiaisonUnitsOfAnEarlierVersionBecomeJsonArraysOnH2() {
        upgradesTheDirectory(h2());
    }

    @Test
    void rolesAndLiaisonUnitsOfAnEarlierVersionBecomeJsonArraysOnPostgres() throws Exception {
        onPostgres(MigrationTest::upgradesTheDirectory);
    }

    @Test
    void aWebhookSecretGivenBeforeTheStandardStaysItsPlainKeyOnH2() {
        keepsThePlainWebhookSecret(h2());
    }

    @Test
    void aWebhookSecretGivenBeforeTheStandardStaysItsPlainKeyOnPostgres() throws Exception {
        onPostgres(MigrationTest::keepsThePlainWebhookSecret);
    }

    @Test
    void aKeyGrantedEveryOperationThereWasOpensTheTrainingOperationThatCameAfterIt() {
        DataSource dataSource = h2();
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .target("2.40")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String everything = "[\"audit:read\",\"clients:write\",\"jobs:read\",\"jobs:write\",\"master-list:read\","
                + "\"metrics:read\",\"readings:write\",\"staff:read\",\"staff:write\",\"tickets:read\",\"tickets:write\"]";
        String some = "[\"tickets:read\",\"tickets:write\"]";
        jdbc.sql(
                        "INSERT INTO lookup_api_client (client_id, name, staff_id, operations, acts_for_anyone, acts_for_units, "
                                + "revoked) VALUES ('initial-admin', 'First administrator', 'admin', ?, FALSE, '[]', FALSE), "
                                + "('ticketing', 'Ticketing', NULL, ?, TRUE, '[]', FALSE)")
                .params(everything, some)
                .update();

        Flyway.configure().dataSource(dataSource).locations(LOCATIONS).load().migrate();

        assertThat(Columns.names(jdbc.sql("SELECT operations FROM lookup_api_client WHERE client_id = 'initial-admin'")
                        .query(String.class)
                        .single()))
                .contains("training:write", "clients:write");
        assertThat(jdbc.sql("SELECT operations FROM lookup_api_client WHERE client_id = 'ticketing'")
                        .query(String.class)
                        .single())
                .as("a key granted some operations keeps exactly those")
                .isEqualTo(some);
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static void onPostgres(Consumer<DataSource> upgrade) throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            upgrade.accept(postgres.getPostgresDatabase());
        }
    }

    private static void keepsThePlainWebhookSecret(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .target("2.30")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO webhook_subscription (subscription_id, url, secret, events, active, created_at) "
                        + "VALUES ('lts-jira', 'https://jira.example/h', 'whsec_but-plain-then', '[]', TRUE, ?)")
                .param(Columns.utc(Instant.parse("2026-11-01T10:00:00Z")))
                .update();

        Flyway.configure().dataSource(dataSource).locations(LOCATIONS).load().migrate();

        assertThat(jdbc.sql("SELECT secret, plain, retires_at FROM webhook_secret WHERE subscription_id = 'lts-jira'")
                        .query((rs, n) -> Arrays.asList(rs.getString(1), rs.getBoolean(2), rs.getObject(3)))
                        .list())
                .as("the current secret, as given, marked plain: its UTF-8 bytes are the key, whatever it looks like")
                .containsExactly(Arrays.asList("whsec_but-plain-then", true, null));
        assertThat(jdbc.sql("SELECT url FROM webhook_subscription")
                        .query(String.class)
                        .list())
                .containsExactly("https://jira.example/h");
    }

    private static void upgradesTheDirectory(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .target("1.2")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO lookup_staff (staff_id, unit, roles, liaison_units) VALUES "
                        + "('lee', 'ITS', 'LIAISON,STAFF', 'HKS/GUT' || CHR(10) || 'ITS'), "
                        + "('odd', 'ITS', 'LIAISON', 'say \"hi\" \\ bye'), "
                        + "('amy', 'ITS', 'STAFF', '')")
                .update();

        Flyway.configure().dataSource(dataSource).locations(LOCATIONS).load().migrate();

        Map<String, List<String>> roles = Map.of(
                "lee", List.of("[\"LIAISON\",\"STAFF\"]", "[\"HKS/GUT\",\"ITS\"]"),
                "odd", List.of("[\"LIAISON\"]", "[\"say \\\"hi\\\" \\\\ bye\"]"),
                "amy", List.of("[\"STAFF\"]", "[]"));
        roles.forEach((staffId, expected) -> assertThat(
                        jdbc.sql("SELECT roles, liaison_units FROM lookup_staff WHERE staff_id = ?")
                                .param(staffId)
                                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                                .single())
                .as(staffId)
                .isEqualTo(expected));
        assertThat(Columns.names(jdbc.sql("SELECT liaison_units FROM lookup_staff WHERE staff_id = 'odd'")
                        .query(String.class)
                        .single()))
                .containsExactly("say \"hi\" \\ bye");
    }
}
