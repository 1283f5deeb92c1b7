package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * A job whose sign-offs last a while: the master list shows until when; before it ends, the sign-off joins the
 * recertification work queue; a systems librarian recertifies it for a new period; left alone, it lapses and the
 * person leaves the list, with the history saying why. Seconds stand in for the months of a real deployment, on the
 * engine's persistent deadlines.
 */
class SignOffExpiryTest {

    @TempDir
    Path dataDir;

    @Test
    void aSignOffIsRecertifiedOnceAndThenLapses() throws Exception {
        List<JsonNode> notifications = new CopyOnWriteArrayList<>();
        try (Receiver receiver = Receiver.onPort(0)
                        .on("/hooks", Receiver.keepingEach(notifications))
                        .start();
                RunningService service = RunningService.start(
                        dataDir,
                        "--approval.deadlines.recertify-before=PT3S",
                        "--approval.deadlines.poll-interval=PT0.2S",
                        "--approval.webhooks.poll-interval=PT0.1S")) {
            assertThat(Receiver.subscribe(
                                    service.api(),
                                    "lts-jira",
                                    receiver.url("/hooks"),
                                    Receiver.SECRET,
                                    "\"events\": [\"RecertificationRequested\", \"ProductionUseLapsed\"]")
                            .status())
                    .isEqualTo(201);
            Scenario scenario = new Scenario(service.api());
            String job = "expiring-job-" + System.nanoTime() % 100_000;
            assertThat(scenario.api
                            .post("/jobs", """
                            {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items",
                             "name": "Change physical items, for a while", "signOffValidFor": "PT6S",
                             "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(job, scenario.librarian))
                            .status())
                    .isEqualTo(201);
            assertThat(
                            scenario.admin // the catalog's read model follows the command within moments
                                    .await("/jobs/" + job, body -> body.has("signOffValidFor"))
                                    .get("signOffValidFor")
                                    .asText())
                    .isEqualTo("PT6S");

            String ticket = scenario.open(scenario.requester, job);
            accepted(scenario.confirmReading(ticket, scenario.requester, "guide"));
            accepted(scenario.request(ticket, scenario.requester));
            accepted(scenario.grantSandbox(ticket, scenario.librarian));
            accepted(scenario.reportTest(ticket, scenario.requester));
            accepted(scenario.approve(ticket, scenario.librarian, false));

            JsonNode listed = scenario.awaitOnMasterList("Items", job, scenario.requester, 1);
            Instant firstEnd = Instant.parse(listed.get("validUntil").asText());

            JsonNode queue = scenario.api.await("/recertifications?jobId=" + job, body -> body.size() == 1);
            assertThat(queue.get(0).get("ticketId").asText()).isEqualTo(ticket);
            assertThat(Instant.parse(queue.get(0).get("validUntil").asText())).isEqualTo(firstEnd);

            assertThat(scenario.api
                            .post("/tickets/" + ticket + "/recertification", """
                            {"reason": "still runs the clean-up", "performedBy": "%s"}""".formatted(scenario.requester))
                            .code())
                    .as("the requester may not vouch for their own sign-off")
                    .isEqualTo("ROLE_REQUIRED");
            assertThat(accepted(scenario.api.post(
                                    "/tickets/" + ticket + "/recertification", """
                            {"reason": "still runs the clean-up", "performedBy": "%s"}""".formatted(scenario.librarian)))
                            .get("status")
                            .asText())
                    .isEqualTo("COMPLETED");
            scenario.api.await("/recertifications?jobId=" + job, JsonNode::isEmpty);
            JsonNode recertified = scenario.api.await("/master-list", body -> {
                JsonNode entry =
                        Scenario.entries(body, "Items", job, scenario.requester).get(0);
                return Instant.parse(entry.get("validUntil").asText()).isAfter(firstEnd);
            });
            assertThat(recertified).isNotNull();

            // nobody recertifies again: the sign-off lapses
            scenario.awaitTicket(ticket, "LAPSED");
            scenario.awaitOnMasterList("Items", job, scenario.requester, 0);
            JsonNode permissions = scenario.admin
                    .get("/staff/" + scenario.requester + "/permissions?jobId=" + job)
                    .body();
            assertThat(permissions.get(0).get("endedHow").asText()).isEqualTo("LAPSED");
            assertThat(Scenario.steps(scenario.api.get("/tickets/" + ticket).body()).stream()
                            .map(step -> step.get("event").asText())
                            .filter(event -> event.contains("Recertif") || event.contains("Lapsed"))
                            .toList())
                    .containsExactly(
                            "RecertificationRequested",
                            "ProductionUseRecertified",
                            "RecertificationRequested",
                            "ProductionUseLapsed");
            assertThat(scenario.open(scenario.requester, job))
                    .as("a lapsed sign-off frees its place: the person may ask again")
                    .isNotBlank();

            // the ticketing system heard both requests (for the systems librarians) and the lapse
            Receiver.awaitPosts(() -> notifications, 3, Duration.ofSeconds(10));
            assertThat(notifications)
                    .extracting(body -> body.get("event").asText())
                    .containsExactly("RecertificationRequested", "RecertificationRequested", "ProductionUseLapsed");
            assertThat(notifications.get(0).at("/nextActor/role").asText()).isEqualTo("SYSTEMS_LIBRARIAN");
            assertThat(Instant.parse(notifications.get(0).get("validUntil").asText()))
                    .as("the same end (the read model keeps microseconds)")
                    .isCloseTo(firstEnd, within(1, ChronoUnit.MICROS));
            assertThat(notifications.get(2).get("status").asText()).isEqualTo("LAPSED");
        }
    }
}
