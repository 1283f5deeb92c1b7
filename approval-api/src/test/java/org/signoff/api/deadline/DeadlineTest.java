package org.signoff.api.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Waits with deadlines, on a running service whose deadlines are seconds instead of days: the persistent scheduler
 * fires them, they become events in the ticket's history and notifications to the ticket system, and a deadline
 * set before a restart fires after it.
 */
class DeadlineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aSandboxGrantNotTestedInTimeRemindsThenExpiresAndTheTicketSystemHearsOfBoth() throws Exception {
        List<JsonNode> notifications = new CopyOnWriteArrayList<>();
        try (Receiver receiver = Receiver.onPort(0)
                        .on("/hooks", Receiver.keepingEach(notifications))
                        .start();
                RunningService service = RunningService.start(
                        dataDir,
                        "--approval.deadlines.steps.AWAITING_TEST.remind-after=PT1S",
                        "--approval.deadlines.steps.AWAITING_TEST.limit-after=PT2S",
                        "--approval.deadlines.poll-interval=PT0.2S",
                        "--approval.webhooks.poll-interval=PT0.1S")) {
            Api admin = service.api();
            assertThat(Receiver.subscribe(
                                    admin,
                                    "lts-jira",
                                    receiver.url("/hooks"),
                                    Receiver.SECRET,
                                    "\"events\": [\"ReminderIssued\", \"SandboxAccessExpired\"]")
                            .status())
                    .isEqualTo(201);
            Scenario scenario = new Scenario(admin);
            String ticket = scenario.open(scenario.requester, Scenario.CHANGE_ITEMS);
            scenario.readAll(ticket, Scenario.CHANGE_ITEMS_READINGS);
            accepted(scenario.request(ticket, scenario.requester));
            accepted(scenario.grantSandbox(ticket, scenario.librarian));

            JsonNode view = admin.await(
                    "/tickets/" + ticket,
                    body -> events(body).lastIndexOf("DeadlinesScheduled")
                                    > events(body).indexOf("SandboxAccessExpired")
                            && events(body).contains("SandboxAccessExpired"));
            assertThat(view.at("/ticket/status").asText()).isEqualTo("AWAITING_SANDBOX_GRANT");
            List<String> events = events(view);
            assertThat(events.subList(events.indexOf("SandboxAccessGranted"), events.size()))
                    .containsExactly(
                            "SandboxAccessGranted",
                            "DeadlinesScheduled",
                            "ReminderIssued",
                            "SandboxAccessExpired",
                            "DeadlinesScheduled");
            assertThat(scenario.reportTest(ticket, scenario.requester).status())
                    .as("the grant lapsed: no test without a new one")
                    .isEqualTo(409);
            assertThat(service.bean(JdbcClient.class)
                            .sql("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                                    + "AND payloadType LIKE '%ReminderIssued'")
                            .param(ticket)
                            .query((rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8))
                            .single())
                    .as("a deadline's events are of the institution of the step that set it (its ledger chain)")
                    .contains("\"institution\":\"DEFAULT\"");
            admin.await("/webhooks/lts-jira/deliveries", log -> log.size() == 2);
            Receiver.awaitPosts(() -> notifications, 2, Duration.ofSeconds(10));
            assertThat(notifications)
                    .extracting(n -> n.get("event").asText())
                    .containsExactlyInAnyOrder("ReminderIssued", "SandboxAccessExpired");
            JsonNode expired = notifications.stream()
                    .filter(n -> n.get("event").asText().equals("SandboxAccessExpired"))
                    .findFirst()
                    .orElseThrow();
            assertThat(expired.get("status").asText()).isEqualTo("AWAITING_SANDBOX_GRANT");
            assertThat(expired.at("/nextActor/role").asText()).isEqualTo("SYSTEMS_LIBRARIAN");
            assertThat(expired.get("supportTicketRef").asText()).isEqualTo("LTS-" + ticket);

            accepted(scenario.grantSandbox(ticket, scenario.librarian));
            accepted(scenario.reportTest(ticket, scenario.requester));
        }
    }

    @Test
    void aStepDoneBeforeItsReminderPassesItOnAndTheNextWaitIsRemindedAtItsOwnTimeOnce() throws Exception {
        try (RunningService service = RunningService.start(
                dataDir,
                "--approval.deadlines.steps.AWAITING_SANDBOX_GRANT.remind-after=PT2S",
                "--approval.deadlines.steps.AWAITING_SANDBOX_GRANT.limit-after=PT60S",
                "--approval.deadlines.steps.AWAITING_TEST.remind-after=PT5S",
                "--approval.deadlines.steps.AWAITING_TEST.limit-after=PT60S",
                "--approval.deadlines.pass-on-margin=PT0S",
                "--approval.deadlines.poll-interval=PT0.2S")) {
            Api admin = service.api();
            Scenario scenario = new Scenario(admin);
            String ticket = scenario.open(scenario.requester, Scenario.CHANGE_ITEMS);
            scenario.readAll(ticket, Scenario.CHANGE_ITEMS_READINGS);
            accepted(scenario.request(ticket, scenario.requester));
            // granted at once: the grant's reminder (2 s) comes due before the test's (5 s) and is passed on
            accepted(scenario.grantSandbox(ticket, scenario.librarian));

            JsonNode view =
                    admin.await("/tickets/" + ticket, body -> events(body).contains("ReminderIssued"));
            Thread.sleep(1_500); // time for a second reminder, were there one
            view = admin.get("/tickets/" + ticket).body();
            List<JsonNode> history = new ArrayList<>();
            view.get("history").forEach(history::add);
            List<String> events = events(view);
            assertThat(events.subList(events.indexOf("SandboxAccessGranted"), events.size()))
                    .as("the test's wait reminded once, the grant's never")
                    .containsExactly("SandboxAccessGranted", "DeadlinesScheduled", "ReminderIssued");
            Instant granted = Instant.parse(history.get(events.indexOf("SandboxAccessGranted"))
                    .get("at")
                    .asText());
            Instant reminded = Instant.parse(
                    history.get(events.indexOf("ReminderIssued")).get("at").asText());
            assertThat(reminded).as("at the test's own time").isAfterOrEqualTo(granted.plusSeconds(5));
            assertThat(history.get(events.indexOf("ReminderIssued"))
                            .get("statusAfter")
                            .asText())
                    .isEqualTo("AWAITING_TEST");
        }
    }

    @Test
    void aDeadlineSetBeforeARestartFiresAfterIt() {
        String[] slowReview = {
            "--approval.deadlines.steps.AWAITING_REVIEW.remind-after=PT8S",
            "--approval.deadlines.steps.AWAITING_REVIEW.limit-after=PT9S",
            "--approval.deadlines.poll-interval=PT0.2S"
        };
        String ticket;
        try (RunningService before = RunningService.start(dataDir, slowReview)) {
            Scenario scenario = new Scenario(before.api());
            ticket = scenario.ticketAwaitingReview();
            JsonNode waiting = before.api()
                    .await("/tickets/" + ticket, body -> events(body).size() == 11);
            assertThat(events(waiting))
                    .as("the review waits, its deadlines set and not yet due")
                    .endsWith("SandboxTestReported", "DeadlinesScheduled");
        }
        Instant restart = Instant.now();
        try (RunningService after = RunningService.start(dataDir, slowReview)) {
            JsonNode view =
                    after.api().await("/tickets/" + ticket, body -> events(body).contains("TicketEscalated"));
            List<JsonNode> history = new ArrayList<>();
            view.get("history").forEach(history::add);
            JsonNode reminder = history.get(history.size() - 2);
            JsonNode escalation = history.get(history.size() - 1);
            assertThat(reminder.get("event").asText()).isEqualTo("ReminderIssued");
            assertThat(escalation.get("event").asText()).isEqualTo("TicketEscalated");
            assertThat(Instant.parse(escalation.get("at").asText()))
                    .as("fired by the restarted engine")
                    .isAfter(restart);
            assertThat(escalation.get("statusAfter").asText())
                    .as("escalated, the ticket still waits for its review")
                    .isEqualTo("AWAITING_REVIEW");
        }
    }

    private static List<String> events(JsonNode ticketView) {
        List<String> events = new ArrayList<>();
        ticketView.get("history").forEach(entry -> events.add(entry.get("event").asText()));
        return events;
    }
}
