package org.signoff.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * A job's month: one ticket signed off after a retest, one denied, one withdrawn. The statistics count each, time
 * the reviews (three waits: two on the retested ticket, one on the denied), and give half a retest per tested
 * ticket; a period before it all counts nothing.
 */
class StatisticsTest {

    private Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(RunningService.shared().api());
    }

    @Test
    void aJobsPeriodIsCountedAndItsStepsTimed() {
        Instant start = Instant.now();
        String job = "stats-job-" + System.nanoTime() % 1_000_000;
        assertThat(scenario.api
                        .post("/jobs", """
                        {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Holding changes",
                         "name": "Statistics job",
                         "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(job, scenario.librarian))
                        .status())
                .isEqualTo(201);

        String retested = testedTicket(job, scenario.requester);
        accepted(scenario.requestRetest(retested, scenario.librarian));
        accepted(scenario.reportTest(retested, scenario.requester));
        accepted(scenario.approve(retested, scenario.librarian, false));
        String denied = testedTicket(job, scenario.colleague);
        accepted(scenario.deny(denied, scenario.librarian));
        String withdrawn = scenario.open(scenario.librarianWhoAsks, job);
        accepted(scenario.withdraw(withdrawn, scenario.librarianWhoAsks));

        JsonNode statistics = scenario.api
                .await(
                        "/statistics?jobId=" + job,
                        body -> body.size() == 1 && body.get(0).get("withdrawn").asLong() == 1)
                .get(0);
        assertThat(statistics.get("scope").asText()).isEqualTo("Holding changes");
        assertThat(statistics.get("opened").asLong()).isEqualTo(3);
        assertThat(statistics.get("completed").asLong()).isEqualTo(1);
        assertThat(statistics.get("denied").asLong()).isEqualTo(1);
        assertThat(statistics.get("revoked").asLong()).isZero();
        assertThat(statistics.get("retestsPerTicket").asDouble()).isEqualTo(0.5);
        assertThat(statistics.get("testedTickets").asLong())
                .as("what the retests are per")
                .isEqualTo(2);
        JsonNode review = step(statistics, "AWAITING_REVIEW");
        assertThat(review.get("waits").asLong()).isEqualTo(3);
        Duration median = Duration.parse(review.get("median").asText());
        Duration p90 = Duration.parse(review.get("p90").asText());
        assertThat(median).isPositive().isLessThanOrEqualTo(p90);
        assertThat(p90).isLessThan(Duration.between(start, Instant.now()));
        assertThat(step(statistics, "AWAITING_TEST").get("waits").asLong()).isEqualTo(3);

        JsonNode before = scenario.api
                .get("/statistics?jobId=" + job + "&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z")
                .body()
                .get(0);
        assertThat(before.get("opened").asLong()).isZero();
        assertThat(before.get("steps")).isEmpty();
        assertThat(scenario.api
                        .get("/statistics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")
                        .code())
                .isEqualTo("INVALID_REQUEST");
    }

    private String testedTicket(String job, String person) {
        String ticket = scenario.open(person, job);
        accepted(scenario.confirmReading(ticket, person, "guide"));
        accepted(scenario.request(ticket, person));
        accepted(scenario.grantSandbox(ticket, scenario.librarian));
        accepted(scenario.reportTest(ticket, person));
        return ticket;
    }

    private static JsonNode step(JsonNode statistics, String step) {
        for (JsonNode times : statistics.get("steps")) {
            if (times.get("step").asText().equals(step)) {
                return times;
            }
        }
        throw new AssertionError("no " + step + " in " + statistics);
    }
}
