package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.projections.Columns;

/**
 * A database written by an earlier version upgrades in place: people's roles and liaison units, once joined with
 * ',' and a newline, become JSON arrays that read back as the same sets, on H2 and on PostgreSQL.
 */
class MigrationTest {

    private static final String[] LOCATIONS = {"classpath:db/migration/engine", "classpath:db/migration/projections"};

    @Test
    void rolesAndLiaisonUnitsOfAnEarlierVersionBecomeJsonArraysOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        upgradesTheDirectory(h2);
    }

    @Test
    void rolesAndLiaisonUnitsOfAnEarlierVersionBecomeJsonArraysOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            upgradesTheDirectory(postgres.getPostgresDatabase());
        }
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
