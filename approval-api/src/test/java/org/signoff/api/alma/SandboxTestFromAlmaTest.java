package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Step 4 with Alma's Sandbox behind it (a fake Alma answering as Alma does): the requester names the job instance
 * they ran, and the evidence in the ticket's history is Alma's (its status, counters, times), not typed numbers; a
 * run that is not this test's is refused saying why and nothing is recorded; when Alma does not answer, or the job has
 * no Alma ids, the test is typed as before and the history says why it was not read from Alma.
 */
class SandboxTestFromAlmaTest {

    private static final String KEY = FakeAlmaService.KEY;
    private static final AtomicInteger INSTANCES = new AtomicInteger(7_001_000);

    private static final WireMockServer sandbox = FakeAlmaService.shared().sandbox;
    private static final RunningService service = FakeAlmaService.shared().service;

    private final Scenario scenario = new Scenario(service.api());
    private final String login = "jdoe-" + scenario.unit.toLowerCase(java.util.Locale.ROOT);

    @Test
    void theRequestersRunAfterTheGrantIsTheEvidenceWithAlmasCounters() {
        String ticket = awaitingTest(job("M28"));
        String instance = almaRuns("M28", login, Instant.now().plusSeconds(1), "COMPLETED_WITH_ERRORS");

        JsonNode answer = accepted(report(ticket, instance, ""));

        assertThat(answer.get("status").asText()).isEqualTo("AWAITING_REVIEW");
        JsonNode reported = lastStep(ticket);
        assertThat(reported.at("/details/evidence/jobInstanceRef").asText()).isEqualTo(instance);
        assertThat(reported.at("/details/evidence/recordsProcessed").asLong())
                .as("Alma's total, not a typed number")
                .isEqualTo(120);
        assertThat(reported.at("/details/evidence/outcome").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(reported.at("/details/almaRun/status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(reported.at("/details/almaRun/almaJobId").asText()).isEqualTo("M28");
        assertThat(reported.at("/details/almaRun/counters").size()).isEqualTo(3);
        assertThat(reported.at("/details/notVerifiedBecause").isNull()).isTrue();
        assertThat(storedEventsMention(login))
                .as("who ran it is checked, not kept: their Alma login is personal data")
                .isZero();
        assertThat(storedEventsMention(KEY)).isZero();
    }

    @Test
    void almasJobEndOfTheRequestersRunIsSeenOnTheTicketTheyAreToldAndOneCallReportsIt() throws Exception {
        String job = job("M28");
        String ticket = awaitingTest(job);
        List<JsonNode> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Receiver ticketing =
                Receiver.onPort(0).on("/alma-runs", Receiver.keepingEach(told)).start()) {
            Response subscribed = Receiver.subscribe(
                    scenario.admin,
                    "runs-" + job,
                    ticketing.url("/alma-runs"),
                    Receiver.SECRET,
                    "\"events\": [\"SandboxRunSeen\"], \"jobs\": [\"" + job + "\"]");
            assertThat(subscribed.status()).as("%s", subscribed.body()).isEqualTo(201);
            String instance = almaRuns("M28", login, Instant.now().plusSeconds(1), "COMPLETED_SUCCESS");
            String unrelated = almaRuns("M28", "someone-else", Instant.now().plusSeconds(1), "COMPLETED_SUCCESS");

            // the notification's own submitter and times are not trusted: the Sandbox API's are
            for (String run : List.of(unrelated, instance)) {
                String body = AlmaAnswers.jobEnd("note-" + run, run);
                Response taken = service.api()
                        .post(
                                "/alma/webhook",
                                body,
                                "X-Exl-Signature",
                                AlmaWebhookTest.sign(body, AlmaWebhookTest.SECRET));
                assertThat(taken.status()).as("%s", taken.body()).isEqualTo(200);
            }

            JsonNode seen = scenario.api.await(
                    "/tickets/" + ticket,
                    view -> view.get("history").findValuesAsText("event").contains("SandboxRunSeen"));
            List<JsonNode> runsSeen = Scenario.steps(seen).stream()
                    .filter(step -> step.get("event").asText().equals("SandboxRunSeen"))
                    .toList();
            assertThat(runsSeen).hasSize(1);
            assertThat(runsSeen.get(0).at("/details/run/instanceId").asText()).isEqualTo(instance);
            assertThat(seen.at("/ticket/status").asText()).isEqualTo("AWAITING_TEST");
            Receiver.awaitPosts(() -> told, 1, java.time.Duration.ofSeconds(20));
            assertThat(told).hasSize(1);
            assertThat(told.get(0).at("/almaRun/instanceId").asText()).isEqualTo(instance);
            assertThat(told.get(0).at("/nextActor/role").asText()).isEqualTo("REQUESTER");

            accepted(report(ticket, instance, ""));
            assertThat(lastStep(ticket).at("/details/almaRun/instanceId").asText())
                    .isEqualTo(instance);
        }
    }

    @Test
    void aRunThatIsNotThisTestsIsRefusedSayingWhyAndNothingIsRecorded() {
        String ticket = awaitingTest(job("M28"));
        Instant later = Instant.now().plusSeconds(1);

        refused(
                report(ticket, almaRuns("M28", "someone-else", later, "COMPLETED_SUCCESS"), ""),
                "ALMA_RUN_BY_ANOTHER_PERSON");
        refused(
                report(ticket, almaRuns("M28", login, later.minus(2, ChronoUnit.DAYS), "COMPLETED_SUCCESS"), ""),
                "ALMA_RUN_BEFORE_GRANT");
        refused(report(ticket, almaRuns("M28", login, later, "RUNNING"), ""), "ALMA_RUN_NOT_FINISHED");
        refused(
                report(ticket, almaRuns("S12", login, later, "COMPLETED_SUCCESS"), ", \"almaJobId\": \"S12\""),
                "ALMA_RUN_OF_ANOTHER_JOB");
        sandbox.stubFor(get(urlPathEqualTo("/almaws/v1/conf/jobs/M28/instances/404404"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AlmaAnswers.error("402880", "Job instance 404404 was not found."))));
        refused(report(ticket, "404404", ""), "ALMA_RUN_UNKNOWN");

        assertThat(scenario.api
                        .get("/tickets/" + ticket)
                        .body()
                        .at("/ticket/status")
                        .asText())
                .isEqualTo("AWAITING_TEST");
    }

    @Test
    void whenAlmaDoesNotAnswerTheTestIsTypedAndTheHistorySaysSo() {
        String ticket = awaitingTest(job("M28"));
        sandbox.stubFor(get(urlPathEqualTo("/almaws/v1/conf/jobs/M28/instances/503503"))
                .willReturn(aResponse().withStatus(503)));

        Response untyped = report(ticket, "503503", "");
        assertThat(untyped.status()).as("%s", untyped.body()).isEqualTo(503);
        assertThat(untyped.code()).isEqualTo("ALMA_UNAVAILABLE");

        accepted(report(ticket, "503503", ", \"recordsProcessed\": 12, \"outcome\": \"SUCCEEDED\""));
        JsonNode reported = lastStep(ticket);
        assertThat(reported.at("/details/evidence/recordsProcessed").asLong()).isEqualTo(12);
        assertThat(reported.at("/details/almaRun").isNull()).isTrue();
        assertThat(reported.at("/details/notVerifiedBecause").asText()).isEqualTo("Alma's Sandbox did not answer");
    }

    @Test
    void aJobWithoutAlmaIdsIsTestedByHandAsBefore() {
        String ticket = awaitingTest(job(null));

        Response untyped = report(ticket, "88123", "");
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.code()).isEqualTo("INVALID_REQUEST");
        accepted(report(ticket, "88123", ", \"recordsProcessed\": 40, \"outcome\": \"SUCCEEDED\""));

        assertThat(lastStep(ticket).at("/details/notVerifiedBecause").asText())
                .isEqualTo("the job has no Alma job ids in the catalog");
    }

    // --- the scenario's parts

    /** A job with no readings, Alma's job {@code almaJob} (none: null), for this scenario. */
    private String job(String almaJob) {
        String job = "alma-test-" + INSTANCES.incrementAndGet();
        Response registered = scenario.api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Change items %s",
                 "requiredReadings": []}}""".formatted(job, scenario.librarian, job));
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        if (almaJob != null) {
            Response set = scenario.api.put("/jobs/" + job + "/alma-side", """
                    {"jobIds": ["%s"], "performedBy": "%s"}""".formatted(almaJob, scenario.librarian));
            assertThat(set.status()).as("%s", set.body()).isEqualTo(204);
            scenario.api.await(
                    "/jobs/" + job, view -> !view.at("/almaSide/jobIds").isEmpty());
        }
        return job;
    }

    private String awaitingTest(String job) {
        Response login = scenario.admin.put(
                "/staff/" + scenario.requester + "/alma-primary-id", "{\"almaPrimaryId\": \"" + this.login + "\"}");
        assertThat(login.status()).as("%s", login.body()).isEqualTo(204);
        String ticket = scenario.open(scenario.requester, job);
        accepted(scenario.request(ticket, scenario.requester));
        accepted(scenario.grantSandbox(ticket, scenario.librarian));
        return ticket;
    }

    private static String almaRuns(String almaJob, String submittedBy, Instant start, String status) {
        return AlmaRuns.run(sandbox, almaJob, submittedBy, start, status);
    }

    private Response report(String ticket, String instance, String more) {
        return scenario.api.post(
                "/tickets/" + ticket + "/sandbox-test", """
                {"jobInstanceRef": "%s", "notes": "as run"%s, "performedBy": "%s"}""".formatted(instance, more, scenario.requester));
    }

    private JsonNode lastStep(String ticket) {
        List<JsonNode> steps = Scenario.steps(scenario.awaitTicket(ticket, "AWAITING_REVIEW"));
        return steps.get(steps.size() - 1);
    }

    private static void refused(Response response, String code) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(422);
        assertThat(response.code()).isEqualTo(code);
    }

    private static long storedEventsMention(String text) {
        return service
                .bean(JdbcClient.class)
                .sql("SELECT payload FROM DomainEventEntry")
                .query((rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8))
                .list()
                .stream()
                .filter(payload -> payload.contains(text))
                .count();
    }
}
