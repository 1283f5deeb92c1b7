package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * The job's guide gets a second version: the person signed off on the first is asked (a notification) to confirm the
 * new one; they stay on the master list until the period runs out, then are suspended (off the list, and off the
 * list as of any instant in the suspension); confirming brings them back. Someone who confirmed in time never leaves
 * the list. Seconds stand in for the weeks of a real deployment, on the engine's persistent deadlines.
 */
class ReattestationTest {

    @TempDir
    Path dataDir;

    @Test
    void aSignOffOnAnOldVersionIsSuspendedUntilTheNewOneIsConfirmed() throws Exception {
        List<JsonNode> notifications = new CopyOnWriteArrayList<>();
        try (Receiver receiver = Receiver.onPort(0)
                        .on("/hooks", Receiver.keepingEach(notifications))
                        .start();
                RunningService service = RunningService.start(
                        dataDir,
                        "--approval.deadlines.reattest-within=PT4S",
                        "--approval.deadlines.poll-interval=PT0.2S",
                        "--approval.webhooks.poll-interval=PT0.1S")) {
            assertThat(Receiver.subscribe(
                                    service.api(),
                                    "lts-jira",
                                    receiver.url("/hooks"),
                                    Receiver.SECRET,
                                    "\"events\": [\"ReattestationRequired\", \"ProductionUseSuspended\", "
                                            + "\"ProductionUseReinstated\"]")
                            .status())
                    .isEqualTo(201);
            Scenario scenario = new Scenario(service.api());
            String job = "guided-job-" + System.nanoTime() % 100_000;
            assertThat(scenario.api
                            .post("/jobs", "{\"jobId\": \"" + job + "\", " + definition("1", scenario.librarian))
                            .status())
                    .isEqualTo(201);
            String late = scenario.signedOff(job, scenario.requester);
            String prompt = scenario.signedOff(job, scenario.colleague);
            scenario.awaitOnMasterList("Items", job, scenario.requester, 1);
            scenario.awaitOnMasterList("Items", job, scenario.colleague, 1);

            assertThat(scenario.api
                            .put("/jobs/" + job, "{" + definition("2", scenario.librarian))
                            .status())
                    .isEqualTo(204);
            Instant changed = Instant.now();
            assertThat(Scenario.entries(scenario.admin.get("/master-list").body(), "Items", job, scenario.requester))
                    .as("in force until the period runs out")
                    .hasSize(1);
            accepted(scenario.api.post("/tickets/" + prompt + "/readings", """
                    {"documentId": "guide", "version": "2", "performedBy": "%s"}""".formatted(scenario.colleague)));

            scenario.awaitTicket(late, "SUSPENDED");
            scenario.awaitOnMasterList("Items", job, scenario.requester, 0);
            scenario.awaitOnMasterList("Items", job, scenario.colleague, 1);
            Instant suspendedMeanwhile = Instant.now();
            assertThat(Scenario.entries(
                                    scenario.admin
                                            .get("/master-list?at=" + changed)
                                            .body(),
                                    "Items",
                                    job,
                                    scenario.requester)
                            .size())
                    .as("on the list while the period ran")
                    .isEqualTo(1);

            assertThat(accepted(scenario.api.post("/tickets/" + late + "/readings", """
                            {"documentId": "guide", "version": "2", "performedBy": "%s"}""".formatted(scenario.requester)))
                            .get("status")
                            .asText())
                    .isEqualTo("COMPLETED");
            scenario.awaitOnMasterList("Items", job, scenario.requester, 1);
            assertThat(Scenario.entries(
                                    scenario.admin
                                            .get("/master-list?at=" + suspendedMeanwhile)
                                            .body(),
                                    "Items",
                                    job,
                                    scenario.requester)
                            .size())
                    .as("off the list as of an instant in the suspension")
                    .isEqualTo(0);
            JsonNode permission = scenario.admin
                    .get("/staff/" + scenario.requester + "/permissions?jobId=" + job)
                    .body()
                    .get(0);
            assertThat(permission.get("until").isNull())
                    .as("the sign-off never ended")
                    .isTrue();
            assertThat(permission.get("suspensions")).hasSize(1);
            assertThat(permission.at("/suspensions/0/until").isNull()).isFalse();
            assertThat(scenario.admin
                            .get("/staff/" + scenario.colleague + "/permissions?jobId=" + job)
                            .body()
                            .at("/0/suspensions"))
                    .isEmpty();

            Receiver.awaitPosts(() -> notifications, 4, Duration.ofSeconds(10));
            assertThat(notifications)
                    .extracting(body -> body.get("event").asText() + " "
                            + body.get("ticketId").asText())
                    .containsExactlyInAnyOrder(
                            "ReattestationRequired " + late,
                            "ReattestationRequired " + prompt,
                            "ProductionUseSuspended " + late,
                            "ProductionUseReinstated " + late);
            JsonNode asked = notifications.stream()
                    .filter(body -> body.get("event").asText().equals("ReattestationRequired"))
                    .findFirst()
                    .orElseThrow();
            assertThat(asked.at("/nextActor/role").asText()).isEqualTo("REQUESTER");
            assertThat(asked.at("/readings/0/version").asText()).isEqualTo("2");
            assertThat(asked.get("dueBy").asText()).isNotBlank();
        }
    }

    /** A job's definition and who gives it, without the opening brace. */
    private static String definition(String guideVersion, String performer) {
        return """
                "performedBy": "%s", "definition": {"scope": "Items", "name": "Change physical items",
                 "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "%s"}]}}""".formatted(performer, guideVersion);
    }
}
