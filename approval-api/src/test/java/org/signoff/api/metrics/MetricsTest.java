package org.signoff.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * What monitoring scrapes from {@code /actuator/prometheus} after a ticket goes through: the ticket opened and
 * completed in its scope, the time it waited on its review, the commands taken and the one refused by its code, how
 * far each read model is behind, the outbox's depth; and the probes. The service is shared with other tests, so
 * the counts are compared as at least what this test added.
 */
class MetricsTest {

    private Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(RunningService.shared().api());
    }

    @Test
    void aTicketThroughTheStepsIsCountedTimedAndItsCommandsToo() {
        String before = scrape();
        String ticket = scenario.ticketAwaitingReview();
        accepted(scenario.approve(ticket, scenario.librarian, false));
        assertThat(scenario.approve(ticket, scenario.librarian, false).code()).isEqualTo("STEP_OUT_OF_ORDER");

        String after = scrape();
        assertThat(value(after, "approval_tickets_total", "outcome=\"opened\"", "scope=\"Items\""))
                .isGreaterThanOrEqualTo(
                        value(before, "approval_tickets_total", "outcome=\"opened\"", "scope=\"Items\"") + 1);
        assertThat(value(after, "approval_tickets_total", "outcome=\"completed\"", "scope=\"Items\""))
                .isGreaterThanOrEqualTo(
                        value(before, "approval_tickets_total", "outcome=\"completed\"", "scope=\"Items\"") + 1);
        assertThat(value(after, "approval_step_duration_seconds_count", "scope=\"Items\"", "step=\"awaiting_review\""))
                .isGreaterThanOrEqualTo(value(
                                before,
                                "approval_step_duration_seconds_count",
                                "scope=\"Items\"",
                                "step=\"awaiting_review\"")
                        + 1);
        assertThat(after.lines()
                        .filter(line -> line.startsWith("approval_step_duration_seconds_bucket{")
                                && line.contains("scope=\"Items\"")
                                && line.contains("step=\"awaiting_review\""))
                        .count())
                .as("a bounded number of buckets for one scope and step, +Inf included")
                .isEqualTo(13);
        assertThat(value(
                        after,
                        "approval_commands_total",
                        "code=\"none\"",
                        "command=\"ApproveProductionUse\"",
                        "outcome=\"accepted\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(
                        after,
                        "approval_commands_total",
                        "code=\"STEP_OUT_OF_ORDER\"",
                        "command=\"ApproveProductionUse\"",
                        "outcome=\"refused\""))
                .isGreaterThanOrEqualTo(value(
                                before,
                                "approval_commands_total",
                                "code=\"STEP_OUT_OF_ORDER\"",
                                "command=\"ApproveProductionUse\"",
                                "outcome=\"refused\"")
                        + 1);
        assertThat(after).contains("approval_webhook_outbox_depth ");
        assertThat(after).contains("approval_read_model_lag_seconds{read_model=\"master-list\"}");
        awaitScrape(
                body -> value(body, "approval_read_model_lag_events", "read_model=\"master-list\"") == 0,
                "the master list catches up");
    }

    @Test
    void infoNamesTheVersionAndTheCommitRunning() {
        Response info = scenario.admin.get("/actuator/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body().at("/build/version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.body().at("/git/commit/id").asText()).matches("[0-9a-f]{7,40}");
    }

    @Test
    void prometheusScrapesWithItsBearerTokenSetting() {
        // Prometheus' `authorization: {credentials_file: …}` sends the key as `Authorization: Bearer <key>`
        String key = Scenario.integrationKey(scenario.admin, "prometheus-" + System.nanoTime());
        Api prometheus = scenario.admin.withKey(null).withHeader("Authorization", "Bearer " + key);
        assertThat(prometheus.getText("/actuator/prometheus")).contains("approval_commands_total");
        Api wrong = scenario.admin.withKey(null).withHeader("Authorization", "Bearer " + key + "x");
        assertThat(wrong.get("/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void theProbesSayTheServiceIsLiveAndReady() {
        Api anonymous = scenario.api.withKey(null);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous
                        .get("/actuator/health/readiness")
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void aLoadBalancerIsToldToSendNothingToANodeThatIsDownOrNotReady() {
        HttpCodeStatusMapper answers = RunningService.shared().bean(HttpCodeStatusMapper.class);
        assertThat(answers.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(answers.getStatusCode(Status.OUT_OF_SERVICE))
                .as("read models still catching up")
                .isEqualTo(503);
        assertThat(answers.getStatusCode(new Status("DEGRADED")))
                .as("a read model failing: the node still takes commands")
                .isEqualTo(200);
        assertThat(answers.getStatusCode(Status.UP)).isEqualTo(200);
    }

    private String scrape() {
        return scenario.api.getText("/actuator/prometheus");
    }

    private void awaitScrape(Predicate<String> until, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (until.test(scrape())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("never: " + what);
    }

    /** The value of the sample of {@code name} with these labels (0 if there is none yet). */
    private static double value(String scrape, String name, String... labels) {
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }
}
