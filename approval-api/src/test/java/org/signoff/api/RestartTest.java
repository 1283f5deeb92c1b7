package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/** Stopping the service and starting it again over the same data directory keeps everything. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void ticketsTheirHistoryAndTheMasterListSurviveARestart() {
        String ticket;
        Scenario scenario;
        JsonNode historyBefore;
        JsonNode masterListBefore;
        int jobsBefore;
        try (RunningService service = RunningService.start(dataDir)) {
            scenario = new Scenario(service.api());
            ticket = scenario.ticketAwaitingReview();
            accepted(scenario.approve(ticket, scenario.librarian, true));
            historyBefore =
                    scenario.awaitTicket(ticket, "AWAITING_ROLE_REQUEST").get("history");
            scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
            masterListBefore = service.api().get("/master-list").body();
            jobsBefore = service.api().get("/jobs").body().size();
        }

        try (RunningService service = RunningService.start(dataDir)) {
            Scenario again = scenario.reconnect(service.api());
            Api api = again.api;
            assertThat(api.get("/tickets/" + ticket).body().get("history")).isEqualTo(historyBefore);
            assertThat(api.get("/master-list").body()).isEqualTo(masterListBefore);
            assertThat(api.get("/jobs").body().size())
                    .as("the seed catalog is not loaded twice")
                    .isEqualTo(jobsBefore);

            // the ticket goes on where it stopped: its aggregate is rebuilt from the stored events
            assertThat(accepted(again.submitRoleRequest(ticket, scenario.liaison))
                            .get("status")
                            .asText())
                    .isEqualTo("AWAITING_ROLE_UPDATE");
            assertThat(api.post("/tickets", """
                    {"jobId": "%s", "performedBy": "%s"}""".formatted(CHANGE_ITEMS, scenario.requester))
                            .code())
                    .as("the open-ticket lookup survived too")
                    .isEqualTo("TICKET_ALREADY_OPEN");
        }
    }
}
