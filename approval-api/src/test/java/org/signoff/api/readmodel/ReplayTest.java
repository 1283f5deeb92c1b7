package org.signoff.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/** A damaged read model is rebuilt from the event store by a replay at start-up. */
class ReplayTest {

    @TempDir
    Path dataDir;

    @Test
    void aDamagedMasterListAndTicketHistoryAreRebuiltByAReplay() {
        String ticket;
        Scenario scenario;
        JsonNode history;
        try (RunningService service = RunningService.start(dataDir)) {
            scenario = new Scenario(service.api());
            ticket = scenario.ticketAwaitingReview();
            accepted(scenario.approve(ticket, scenario.librarian, true));
            history = scenario.awaitTicket(ticket, "AWAITING_ROLE_REQUEST").get("history");
            scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);

            JdbcClient jdbc = service.bean(JdbcClient.class);
            jdbc.sql("DELETE FROM projection_master_list").update();
            jdbc.sql("DELETE FROM projection_ticket_history").update();
            assertThat(Scenario.entries(
                            service.api().get("/master-list").body(), "Items", CHANGE_ITEMS, scenario.requester))
                    .as("the damage shows")
                    .isEmpty();
        }

        try (RunningService service =
                RunningService.start(dataDir, "--approval.projections.replay=master-list,tickets")) {
            Scenario again = scenario.reconnect(service.api());
            JsonNode entry = again.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
            assertThat(entry.get("rolePending").asBoolean()).isTrue();
            assertThat(service.api()
                            .await(
                                    "/tickets/" + ticket,
                                    body -> body.get("history").size() == history.size())
                            .get("history"))
                    .isEqualTo(history);
        }
    }

    @Test
    void replayingAReadModelThatDoesNotExistStopsTheStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> RunningService.start(dataDir, "--approval.projections.replay=no-such-model"))
                .hasStackTraceContaining("no read model 'no-such-model'");
    }
}
