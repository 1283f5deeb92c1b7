package org.signoff.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * A read model that cannot apply an event stops there, says so, retries, and never skips the event: once the cause is
 * mended it catches up and ends as a replay from the event store would build it.
 */
class ReadModelFailureTest {

    @TempDir
    Path dataDir;

    @Test
    void aFailingMasterListStopsAtTheEventReportsItselfAndCatchesUpWhenHealed() {
        JsonNode healed;
        Scenario scenario;
        try (RunningService service = RunningService.start(dataDir)) {
            Api api = service.api();
            scenario = new Scenario(api);
            String ticket = scenario.ticketAwaitingReview();
            JdbcClient jdbc = service.bean(JdbcClient.class);
            jdbc.sql("ALTER TABLE projection_master_list RENAME TO projection_master_list_away")
                    .update();

            accepted(scenario.approve(ticket, scenario.librarian, false));
            JsonNode health = api.await(
                    "/actuator/health",
                    body -> body.at("/components/readModels/status").asText().equals("DEGRADED"));
            assertThat(health.at("/components/readModels/details").has("master-list"))
                    .isTrue();
            assertThat(health.at("/components/readModels/details").has("tickets"))
                    .as("the others go on")
                    .isFalse();
            assertThat(api.getText("/actuator/prometheus"))
                    .contains("approval_read_model_failing{read_model=\"master-list\"} 1.0");
            scenario.awaitTicket(ticket, "COMPLETED");

            jdbc.sql("ALTER TABLE projection_master_list_away RENAME TO projection_master_list")
                    .update();
            scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
            api.await(
                    "/actuator/health",
                    body -> body.at("/components/readModels/status").asText().equals("UP"));
            healed = api.get("/master-list").body();
        }
        try (RunningService replayed = RunningService.start(dataDir, "--approval.projections.replay=master-list")) {
            replayed.api().await("/master-list", body -> body.equals(healed));
        }
    }
}
