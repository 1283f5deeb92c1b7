package org.signoff.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.ReadModels.awaitCaughtUp;
import static org.signoff.api.testkit.ReadModels.awaitRebuilt;
import static org.signoff.api.testkit.ReadModels.rows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.RandomHistories;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.ticket.TicketProjection;
import org.signoff.storage.Columns;

/**
 * An upgrade whose read model is reshaped: the new version finds an older shape recorded for the read model's rows,
 * rebuilds it beside the live one once it is ready and records the new shape when it swaps it in; a read model another
 * node is rebuilding waits for that node's claim to lapse; rows written by a newer version are left alone.
 */
class ReadModelShapeTest {

    @TempDir
    Path dataDir;

    @Test
    void aReadModelInAnOlderShapeIsRebuiltOnceTheNewVersionIsReady() throws Exception {
        Map<String, List<String>> live;
        try (RunningService service = RunningService.start(dataDir)) {
            Scenario scenario = new Scenario(service.api());
            RandomHistories.of(scenario, 2, 2, 42);
            awaitCaughtUp(scenario.admin);
            JsonNode tickets = scenario.admin.get("/read-models/tickets").body();
            assertThat(tickets.get("shape").asInt()).isEqualTo(TicketProjection.SHAPE);
            assertThat(tickets.get("rowsShape").asInt())
                    .as("a new store records the shapes it is built in")
                    .isEqualTo(TicketProjection.SHAPE);
            assertThat(tickets.get("rebuild").isNull()).isTrue();
            live = rows(service.bean(JdbcClient.class));
        }

        // as an earlier version left it: the tickets and the master list in shape 0 (their rows lacking what shape 1
        // fills in), the master list claimed by a node rebuilding it that dies; the catalog written by a later version
        Instant claimLapses = Instant.now().plusSeconds(8);
        JdbcClient store = JdbcClient.create(h2(dataDir));
        store.sql("UPDATE read_model_shape SET shape = 0 WHERE read_model IN ('tickets', 'master-list')")
                .update();
        store.sql("UPDATE read_model_shape SET claimed_by = 'a node that died', claimed_until = ? "
                        + "WHERE read_model = 'master-list'")
                .param(Columns.utc(claimLapses))
                .update();
        store.sql("UPDATE read_model_shape SET shape = 2 WHERE read_model = 'catalog'")
                .update();
        store.sql("DELETE FROM projection_ticket_history WHERE seq > 3").update();
        store.sql("DELETE FROM projection_master_list").update();
        store.sql("UPDATE projection_job SET name = 'as a later version wrote it'")
                .update();

        try (RunningService service = RunningService.start(dataDir)) {
            Scenario scenario = new Scenario(service.api());
            awaitRebuilt(scenario.admin, "tickets");
            JsonNode tickets = scenario.admin.get("/read-models/tickets").body();
            assertThat(tickets.at("/rebuild/startedBy").asText())
                    .isEqualTo("engine: shape 0 to " + TicketProjection.SHAPE);
            assertThat(tickets.get("rowsShape").asInt()).isEqualTo(TicketProjection.SHAPE);

            awaitRebuilt(scenario.admin, "master-list");
            JsonNode masterList = scenario.admin.get("/read-models/master-list").body();
            assertThat(Instant.parse(masterList.at("/rebuild/startedAt").asText()))
                    .as("begun once the dead node's claim lapsed")
                    .isAfter(claimLapses);
            assertThat(masterList.get("rowsShape").asInt()).isEqualTo(MasterListProjection.SHAPE);

            awaitCaughtUp(scenario.admin);
            Map<String, List<String>> rebuilt = rows(service.bean(JdbcClient.class));
            for (String table : List.of("projection_ticket_history", "projection_master_list")) {
                assertThat(rebuilt.get(table)).as(table).isEqualTo(live.get(table));
            }
            JsonNode catalog = scenario.admin.get("/read-models/catalog").body();
            assertThat(catalog.get("rowsShape").asInt()).isEqualTo(2);
            assertThat(catalog.get("rebuild").isNull())
                    .as("rows in a newer shape than this version's are not rebuilt")
                    .isTrue();
            assertThat(rebuilt.get("projection_job")).allMatch(row -> row.contains("as a later version wrote it"));
        }
    }

    private static JdbcDataSource h2(Path dataDir) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("approval") + ";DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("sa");
        return h2;
    }
}
