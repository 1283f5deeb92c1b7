package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Scenario;

/**
 * One ticket the whole way through Alma (a fake Alma answering for the Sandbox and production): the Sandbox access
 * granted in Alma, the requester's run seen through Alma's JOB_END and reported in one call, Alma's counters as the
 * evidence, the production role applied in Alma and shown on the master list, then the sign-off revoked, the role
 * taken back, and the drift report with nothing left to reconcile for the person.
 */
class AlmaJourneyTest {

    private static final String SIDE = """
            {"jobIds": ["M28"], "sandboxRoles": [{"roleType": "204", "scope": "01UNI_INST"}],
             "productionRoles": [{"roleType": "51", "scope": "01UNI_INST",
                                  "parameters": [{"type": "JobCategory", "value": "PHYSICAL_INVENTORY"}]}],
             "performedBy": "%s"}""";

    private final FakeAlmaService fake = FakeAlmaService.shared();
    private final WireMockServer sandbox = fake.sandbox;
    private final WireMockServer production = fake.production;
    private final Scenario scenario = new Scenario(fake.service.api());
    private final String login = "journey-" + scenario.unit.toLowerCase(Locale.ROOT);
    private final String job = "journey-" + scenario.unit.toLowerCase(Locale.ROOT);

    @Test
    void aTicketFromSandboxGrantToRolesTakenBackWithEveryFactFromAlma() throws Exception {
        registerTheJobAndThePerson();
        String ticket = scenario.open(scenario.requester, job);
        accepted(scenario.confirmReading(ticket, scenario.requester, "guide"));
        accepted(scenario.request(ticket, scenario.requester));

        // 3: the Sandbox role added to the requester's Sandbox user
        JsonNode granted = accepted(
                scenario.api.post("/tickets/" + ticket + "/sandbox-grant/alma", """
                {"trainingMaterials": ["https://wiki.example/training"], "performedBy": "%s", "dryRun": false}""".formatted(scenario.librarian)));
        assertThat(granted.at("/added/0/roleType").asText()).isEqualTo("204");

        // 4: the run seen through JOB_END, then reported with one call; the evidence is Alma's
        String instance = AlmaRuns.run(sandbox, "M28", login, Instant.now().plusSeconds(1), "COMPLETED_SUCCESS");
        String notification = AlmaAnswers.jobEnd("journey-" + instance, instance);
        assertThat(fake.service
                        .api()
                        .post(
                                "/alma/webhook",
                                notification,
                                "X-Exl-Signature",
                                AlmaWebhookTest.sign(notification, AlmaWebhookTest.SECRET))
                        .status())
                .isEqualTo(200);
        scenario.api.await(
                "/tickets/" + ticket,
                view -> view.get("history").findValuesAsText("event").contains("SandboxRunSeen"));
        accepted(
                scenario.api.post("/tickets/" + ticket + "/sandbox-test", """
                {"jobInstanceRef": "%s", "performedBy": "%s"}""".formatted(instance, scenario.requester)));
        JsonNode tested = lastStep(scenario.awaitTicket(ticket, "AWAITING_REVIEW"));
        assertThat(tested.at("/details/evidence/recordsProcessed").asLong()).isEqualTo(120);
        assertThat(tested.at("/details/almaRun/instanceId").asText()).isEqualTo(instance);

        // 5 and 6: approved, the production role applied in Alma, the master list says so
        accepted(scenario.approve(ticket, scenario.librarian, true));
        accepted(scenario.submitRoleRequest(ticket, scenario.liaison));
        JsonNode applied = accepted(
                scenario.api.post("/tickets/" + ticket + "/role-update/alma", """
                {"note": "through Alma", "performedBy": "%s", "dryRun": false}""".formatted(scenario.support)));
        assertThat(applied.at("/added/0/roleType").asText()).isEqualTo("51");
        JsonNode listed = scenario.awaitOnMasterList("Items", job, scenario.requester, 1);
        assertThat(listed.get("roleInAlma").asBoolean()).isTrue();
        almaHoldsTheLastWrite();

        // revoked: the role the engine added is taken back, and nothing is left to reconcile
        accepted(scenario.revoke(ticket, scenario.librarian));
        scenario.awaitTicket(ticket, "REVOKED");
        JsonNode takenBack = accepted(scenario.api.post(
                "/tickets/" + ticket + "/production-roles/take-back", """
                {"performedBy": "%s", "dryRun": false}""".formatted(scenario.support)));
        assertThat(takenBack.toString()).contains("\"51\"");
        assertThat(almaHoldsTheLastWrite())
                .as("the job's production role gone from the user; the rest of the record as Alma had it")
                .doesNotContain("PHYSICAL_INVENTORY")
                .contains("MAIN_CIRC", "a_field_alma_adds_later");
        JsonNode drift = scenario.admin.get("/alma/drift").body();
        assertThat(drift.get("people").findValuesAsText("staffId")).doesNotContain(scenario.requester);
    }

    private void registerTheJobAndThePerson() {
        Response registered = scenario.api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Journey %s",
                 "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(job, scenario.librarian, job));
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        assertThat(scenario.api
                        .put("/jobs/" + job + "/alma-side", SIDE.formatted(scenario.librarian))
                        .status())
                .isEqualTo(204);
        scenario.api.await("/jobs/" + job, view -> !view.at("/almaSide/jobIds").isEmpty());
        assertThat(scenario.admin
                        .put(
                                "/staff/" + scenario.requester + "/alma-primary-id",
                                "{\"almaPrimaryId\": \"" + login + "\"}")
                        .status())
                .isEqualTo(204);
        for (WireMockServer alma : List.of(sandbox, production)) {
            alma.stubFor(get(urlPathEqualTo(userPath()))
                    .willReturn(okJson(AlmaAnswers.FULL_USER.replace("\"jdoe\"", "\"" + login + "\""))));
            // Alma answers a write with the user as it now holds it: here, as it was sent
            alma.stubFor(put(urlPathEqualTo(userPath()))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{{{request.body}}}")
                            .withTransformers("response-template")));
        }
    }

    /** The fake production Alma answers the user as last written (the engine reads it again before each change). */
    private String almaHoldsTheLastWrite() {
        List<LoggedRequest> writes = production.findAll(putRequestedFor(urlPathEqualTo(userPath())));
        String last = writes.get(writes.size() - 1).getBodyAsString();
        production.stubFor(get(urlPathEqualTo(userPath())).willReturn(okJson(last)));
        return last;
    }

    private String userPath() {
        return "/almaws/v1/users/" + login;
    }

    private static JsonNode lastStep(JsonNode ticketView) {
        List<JsonNode> steps = Scenario.steps(ticketView);
        return steps.get(steps.size() - 1);
    }
}
