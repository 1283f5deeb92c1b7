package org.signoff.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * A person leaves: an administrator records it once, every sign-off and open ticket of theirs ends with an event of
 * its own, they leave the master list, and they can no longer act.
 */
class DepartureTest {

    private final Scenario scenario = new Scenario(RunningService.shared().api());

    @Test
    void aLeaversSignOffsAndOpenTicketsEndAndTheyActNoMore() {
        String signedOff = scenario.ticketAwaitingReview();
        accepted(scenario.approve(signedOff, scenario.librarian, false));
        String otherJob = anotherJobWithoutVariants();
        String open = scenario.open(scenario.requester, otherJob);
        scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
        Api ownKey = scenario.admin.withKey(personalKey(scenario.requester));
        assertThat(ownKey.get("/tickets/" + open).status())
                .as("their own key reads their ticket")
                .isEqualTo(200);

        Response departed = scenario.admin.post("/staff/" + scenario.requester + "/departure", """
                {"reason": "moved to another library"}""");

        assertThat(departed.status()).as("%s", departed.body()).isEqualTo(200);
        assertThat(departed.body().get("endedTickets"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(signedOff, open);
        scenario.awaitTicket(signedOff, "REQUESTER_LEFT");
        scenario.awaitTicket(open, "REQUESTER_LEFT");
        scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 0);
        JsonNode interval = scenario.admin
                .get("/staff/" + scenario.requester + "/permissions?jobId=" + CHANGE_ITEMS)
                .body()
                .get(0);
        assertThat(interval.get("endedHow").asText()).isEqualTo("REQUESTER_LEFT");
        assertThat(interval.get("endedBy").asText()).isEqualTo("admin");
        assertThat(interval.get("endReason").asText()).isEqualTo("moved to another library");
        assertThat(scenario.admin
                        .get("/staff/" + scenario.requester)
                        .body()
                        .get("leftAt")
                        .isNull())
                .isFalse();

        assertThat(scenario.api
                        .post("/tickets", """
                        {"jobId": "%s", "performedBy": "%s"}""".formatted(CHANGE_ITEMS, scenario.requester))
                        .code())
                .as("someone who left acts no more")
                .isEqualTo("PERFORMER_LEFT");
        assertThat(ownKey.get("/tickets/" + open).code())
                .as("their own key opens nothing any more")
                .isEqualTo("ACCESS_DENIED");
        assertThat(scenario.admin
                        .post("/staff/" + scenario.requester + "/departure", """
                        {"reason": "again"}""")
                        .code())
                .isEqualTo("STAFF_MEMBER_LEFT");
    }

    @Test
    void onlyAnAdministratorRecordsADepartureAndItNeedsAReason() {
        assertThat(scenario.api
                        .post("/staff/" + scenario.colleague + "/departure", """
                        {"reason": "moved", "performedBy": "%s"}""".formatted(scenario.librarian))
                        .code())
                .isEqualTo("ROLE_REQUIRED");
        assertThat(scenario.admin
                        .post("/staff/" + scenario.colleague + "/departure", "{}")
                        .code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(scenario.admin.post("/staff/nobody-at-all/departure", """
                        {"reason": "moved"}""").code())
                .isEqualTo("UNKNOWN_STAFF");
    }

    private String personalKey(String staffId) {
        Response registered = scenario.admin.post("/api-clients", """
                {"clientId": "own-%s", "name": "Own key", "staffId": "%s", "operations": ["tickets:read"]}""".formatted(staffId, staffId));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return registered.body().get("key").asText();
    }

    private String anotherJobWithoutVariants() {
        for (JsonNode job : scenario.api.get("/jobs?limit=100").body()) {
            if (!job.get("jobId").asText().equals(CHANGE_ITEMS)
                    && job.get("variants").isEmpty()) {
                return job.get("jobId").asText();
            }
        }
        throw new AssertionError("the seed catalog has a second job without variants");
    }
}
