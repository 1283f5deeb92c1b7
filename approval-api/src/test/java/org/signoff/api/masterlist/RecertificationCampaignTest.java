package org.signoff.api.masterlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * After an audit, a systems librarian starts a recertification campaign for a scope: every sign-off in force there
 * is asked about, each answer (recertified, or revoked) is recorded on its ticket, and the campaign's progress shows
 * what is still pending.
 */
class RecertificationCampaignTest {

    private final Scenario scenario = new Scenario(RunningService.shared().api());

    @Test
    void aCampaignAsksEverySignOffOfAScopeAndCountsTheAnswers() {
        String scope = "Audited scope " + System.nanoTime() % 100_000;
        String job = register(scope);
        String amys = scenario.signedOff(job, scenario.requester);
        String darylsTicket = scenario.signedOff(job, scenario.colleague);
        scenario.awaitOnMasterList(scope, job, scenario.colleague, 1);

        Response started =
                scenario.api.post("/recertification-campaigns", """
                {"scope": "%s", "reason": "after the March audit", "performedBy": "%s"}""".formatted(scope, scenario.librarianWhoAsks));

        assertThat(started.status()).as("%s", started.body()).isEqualTo(201);
        String campaign = started.body().get("campaignId").asText();
        assertThat(started.location()).isEqualTo("/recertification-campaigns/" + campaign);
        assertThat(started.body().get("asked"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(amys, darylsTicket);
        JsonNode asked = scenario.api.await(
                "/recertification-campaigns/" + campaign,
                body -> body.get("asked").asInt() == 2);
        assertThat(asked.get("pending").asInt()).isEqualTo(2);
        assertThat(asked.get("reason").asText()).isEqualTo("after the March audit");
        assertThat(asked.get("startedBy").asText()).isEqualTo(scenario.librarianWhoAsks);
        assertThat(scenario.api.get("/recertifications?jobId=" + job).body()).hasSize(2);

        accepted(scenario.api.post("/tickets/" + amys + "/recertification", """
                {"reason": "still runs the clean-up", "performedBy": "%s"}""".formatted(scenario.librarian)));
        accepted(scenario.revoke(darylsTicket, scenario.librarian));

        JsonNode done = scenario.api.await(
                "/recertification-campaigns/" + campaign,
                body -> body.get("pending").asInt() == 0);
        assertThat(done.get("recertified").asInt()).isEqualTo(1);
        assertThat(done.get("ended").asInt()).isEqualTo(1);
        assertThat(done.get("signOffs"))
                .extracting(signOff -> signOff.get("ticketId").asText() + " "
                        + signOff.get("outcome").asText())
                .containsExactlyInAnyOrder(amys + " RECERTIFIED", darylsTicket + " REVOKED");
        assertThat(scenario.api.get("/recertifications?jobId=" + job).body()).isEmpty();
        assertThat(scenario.api
                        .post("/tickets/" + amys + "/recertification", """
                        {"reason": "once more", "performedBy": "%s"}""".formatted(scenario.librarian))
                        .code())
                .as("nobody asked again, and the job's sign-offs do not expire")
                .isEqualTo("STEP_OUT_OF_ORDER");
    }

    @Test
    void theTicketingSystemHearsOfACampaignOverSignOffsThatDoNotExpireAndOfEveryStepAfterIt() throws Exception {
        String scope = "Audited scope " + System.nanoTime() % 100_000;
        String job = register(scope);
        String ticket = scenario.signedOff(job, scenario.requester);
        scenario.awaitOnMasterList(scope, job, scenario.requester, 1);
        Api admin = RunningService.shared().api();
        List<JsonNode> notifications = new CopyOnWriteArrayList<>();
        String subscription = "campaign-" + job;
        try (Receiver receiver = Receiver.onPort(0)
                .on("/hooks", Receiver.keepingEach(notifications))
                .start()) {
            assertThat(Receiver.subscribe(
                                    admin,
                                    subscription,
                                    receiver.url("/hooks"),
                                    Receiver.SECRET,
                                    "\"jobs\": [\"%s\"]".formatted(job))
                            .status())
                    .isEqualTo(201);
            Response started =
                    scenario.api.post("/recertification-campaigns", """
                    {"jobId": "%s", "reason": "after the March audit", "performedBy": "%s"}""".formatted(job, scenario.librarianWhoAsks));
            assertThat(started.status()).as("%s", started.body()).isEqualTo(201);
            accepted(scenario.api.post("/tickets/" + ticket + "/recertification", """
                    {"reason": "still runs the clean-up", "performedBy": "%s"}""".formatted(scenario.librarian)));

            Receiver.awaitPosts(() -> notifications, 2, Duration.ofSeconds(30));
            assertThat(notifications)
                    .as("the campaign's question, with no end to the sign-off, and the answer after it")
                    .extracting(n -> n.get("event").asText() + " " + n.get("validUntil"))
                    .containsExactlyInAnyOrder("RecertificationRequested null", "ProductionUseRecertified null");
        } finally {
            admin.send("DELETE", "/webhooks/" + subscription, null, null);
        }
    }

    @Test
    void aCampaignNamesAJobOrAScopeAndAnUnknownOneIs404() {
        assertThat(scenario.api
                        .post("/recertification-campaigns", """
                        {"reason": "audit", "performedBy": "%s"}""".formatted(scenario.librarian))
                        .code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(scenario.api
                        .post("/recertification-campaigns", """
                        {"jobId": "x", "scope": "Items", "reason": "audit", "performedBy": "%s"}""".formatted(scenario.librarian))
                        .code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(scenario.api
                        .get("/recertification-campaigns/no-such-campaign")
                        .code())
                .isEqualTo("UNKNOWN_CAMPAIGN");
    }

    private String register(String scope) {
        String job = "audited-job-" + System.nanoTime() % 100_000;
        assertThat(scenario.api
                        .post("/jobs", """
                        {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "%s", "name": "Audited job",
                         "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(job, scenario.librarian, scope))
                        .status())
                .isEqualTo(201);
        return job;
    }
}
