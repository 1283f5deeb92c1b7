package org.signoff.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * An auditor asks what a person did and what was done on their tickets, and what happened on a job: every step, in
 * order, with who acted and for which client, the support ticket, the test evidence and the reasons given.
 */
class AuditTrailTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private final Scenario scenario = new Scenario(RunningService.shared().api());

    @Test
    void aPersonsHistoryHoldsTheirStepsAndThoseTakenOnTheirTicketsWithEvidenceAndReasons() {
        String ticket = reviewedRetestedApprovedAndRevoked();

        List<JsonNode> history = walk(scenario.admin, "/staff/" + scenario.requester + "/history?limit=3");

        List<JsonNode> ofTicket = history.stream()
                .filter(entry -> entry.get("ticketId").asText().equals(ticket))
                .filter(entry -> !entry.at("/step/event").asText().equals("DeadlinesScheduled"))
                .toList();
        List<String> expected = new ArrayList<>(List.of("SignOffStarted " + scenario.requester));
        Scenario.CHANGE_ITEMS_READINGS.forEach(reading -> expected.add("ReadingConfirmed " + scenario.requester));
        expected.addAll(List.of(
                "JobAccessRequested " + scenario.requester,
                "SandboxAccessGranted " + scenario.librarian,
                "SandboxTestReported " + scenario.requester,
                "RetestRequested " + scenario.librarian,
                "SandboxTestReported " + scenario.requester,
                "ProductionUseApproved " + scenario.librarian,
                "ProductionUseRevoked " + scenario.librarian));
        assertThat(ofTicket)
                .extracting(entry -> entry.at("/step/event").asText() + " "
                        + entry.at("/step/performedBy").asText())
                .containsExactlyElementsOf(expected);
        assertThat(ofTicket).allSatisfy(entry -> {
            assertThat(entry.get("requester").asText()).isEqualTo(scenario.requester);
            assertThat(entry.get("jobId").asText()).isEqualTo(Scenario.CHANGE_ITEMS);
            assertThat(entry.at("/step/client").asText()).isEqualTo(scenario.integrationClient());
            assertThat(entry.get("supportTicketRef").asText()).isEqualTo("LTS-" + ticket);
        });
        int tested = expected.indexOf("SandboxTestReported " + scenario.requester);
        assertThat(ofTicket.get(tested)
                        .at("/step/details/evidence/jobInstanceRef")
                        .asText())
                .isEqualTo("job-88123");
        assertThat(ofTicket.get(tested + 1).at("/step/details/reason").asText()).isEqualTo("test on the full set");
        assertThat(ofTicket.get(ofTicket.size() - 1).at("/step/details/reason").asText())
                .isEqualTo("left the unit");
    }

    @Test
    void aReviewersHistoryHoldsTheStepsTheyTookOnOthersTickets() {
        String ticket = reviewedRetestedApprovedAndRevoked();

        List<JsonNode> history = walk(scenario.admin, "/staff/" + scenario.librarian + "/history?limit=1000");

        assertThat(history.stream()
                        .filter(entry -> entry.get("ticketId").asText().equals(ticket)))
                .extracting(entry -> entry.at("/step/event").asText())
                .containsExactly(
                        "SandboxAccessGranted", "RetestRequested", "ProductionUseApproved", "ProductionUseRevoked");
    }

    @Test
    void aJobsHistoryComesInOrderedPagesThatLoseAndRepeatNothing() {
        String ticket = reviewedRetestedApprovedAndRevoked();

        List<JsonNode> paged = walk(scenario.admin, "/jobs/" + Scenario.CHANGE_ITEMS + "/history?limit=7");
        List<JsonNode> whole = walk(scenario.admin, "/jobs/" + Scenario.CHANGE_ITEMS + "/history?limit=1000");

        assertThat(paged).isEqualTo(whole);
        assertThat(paged)
                .allSatisfy(entry -> assertThat(entry.get("jobId").asText()).isEqualTo(Scenario.CHANGE_ITEMS));
        assertThat(paged.stream()
                        .map(entry ->
                                java.time.Instant.parse(entry.at("/step/at").asText()))
                        .toList())
                .isSorted();
        assertThat(paged.stream().filter(entry -> entry.get("ticketId").asText().equals(ticket)))
                .hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void unknownPeopleAndJobsAre404AndTheHistoryIsForAuditorsOnly() {
        assertThat(scenario.admin.get("/staff/nobody-here/history").code()).isEqualTo("UNKNOWN_STAFF");
        assertThat(scenario.admin.get("/jobs/no-such-job/history").code()).isEqualTo("UNKNOWN_JOB");
        assertThat(scenario.admin
                        .get("/jobs/" + Scenario.CHANGE_ITEMS + "/history?after=garbage")
                        .code())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(scenario.api.get("/staff/" + scenario.requester + "/history").code())
                .as("an integration without audit:read")
                .isEqualTo("ACCESS_DENIED");
    }

    private String reviewedRetestedApprovedAndRevoked() {
        String ticket = scenario.ticketAwaitingReview();
        accepted(scenario.api.post("/tickets/" + ticket + "/retest-request", """
                {"reason": "test on the full set", "performedBy": "%s"}""".formatted(scenario.librarian)));
        accepted(scenario.reportTest(ticket, scenario.requester));
        accepted(scenario.approve(ticket, scenario.librarian, false));
        accepted(scenario.revoke(ticket, scenario.librarian));
        scenario.awaitTicket(ticket, "REVOKED");
        return ticket;
    }

    private static List<JsonNode> walk(Api api, String first) {
        List<JsonNode> seen = new ArrayList<>();
        Response page = api.get(first);
        while (true) {
            assertThat(page.status()).as("%s", page.body()).isEqualTo(200);
            page.body().forEach(seen::add);
            if (page.link() == null) {
                return seen;
            }
            Matcher next = NEXT.matcher(page.link());
            assertThat(next.find()).isTrue();
            page = api.follow(next.group(1));
        }
    }
}
