package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Steps 3 and 6 through Alma, over real HTTP against a fake Sandbox and a fake production Alma: a dry run shows the
 * requester's roles before and after and changes nothing anywhere; the step adds the job's roles to the user and the
 * history shows what was added; a step the ticket refuses never reaches Alma; Alma's refusal is a problem with its
 * code and the step is not recorded; with Alma down the step is taken by hand and the history says it did not go
 * through the engine. Once a sign-off is revoked, the support team takes back the roles the engine added, but one
 * another sign-off in force needs. The key and the person's Alma login are in no event.
 */
class AlmaRoleStepsTest {

    private static final FakeAlmaService almas = FakeAlmaService.shared();
    private static final WireMockServer sandbox = almas.sandbox;
    private static final WireMockServer production = almas.production;
    private static final RunningService service = almas.service;

    @Test
    void aDryRunOfTheGrantShowsTheRolesBeforeAndAfterAndChangesNothingInAlmaNorInTheHistory() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.ticketAwaitingGrant();
        long events = events();

        Response dryRun = amy.scenario.api.post(
                "/tickets/" + ticket + "/sandbox-grant/alma", grant(amy.scenario.librarian, true));

        JsonNode body = accepted(dryRun);
        assertThat(body.get("recorded").asBoolean()).isFalse();
        assertThat(body.get("status").asText()).isEqualTo("AWAITING_SANDBOX_GRANT");
        assertThat(body.get("environment").asText()).isEqualTo("sandbox");
        assertThat(body.get("before")).hasSize(2);
        assertThat(body.get("after")).hasSize(3);
        assertThat(body.at("/added/0/roleType").asText()).isEqualTo("204");
        assertThat(body.toString()).doesNotContain(amy.almaLogin);
        sandbox.verify(0, putRequestedFor(urlPathEqualTo(amy.userPath())));
        assertThat(events()).as("a dry run records nothing").isEqualTo(events);
    }

    @Test
    void theGrantAddsTheSandboxRolesAndTheHistoryShowsWhatWasAdded() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.ticketAwaitingGrant();

        Response grant = amy.scenario.api.post(
                "/tickets/" + ticket + "/sandbox-grant/alma", grant(amy.scenario.librarian, false));

        JsonNode body = accepted(grant);
        assertThat(body.get("recorded").asBoolean()).isTrue();
        assertThat(body.get("status").asText()).isEqualTo("AWAITING_TEST");
        assertThat(body.at("/added/0/roleType").asText()).isEqualTo("204");
        sandbox.verify(
                1,
                putRequestedFor(urlPathEqualTo(amy.userPath()))
                        .withRequestBody(matchingJsonPath("$.user_role[?(@.role_type.value == '204')]")));
        production.verify(0, anyRequestedFor(urlPathEqualTo(amy.userPath())));
        JsonNode granted = step(amy.scenario.awaitTicket(ticket, "AWAITING_TEST"), "SandboxAccessGranted");
        assertThat(granted.at("/details/appliedInAlma").asBoolean()).isTrue();
        assertThat(granted.at("/details/almaRolesAdded/0/roleType").asText()).isEqualTo("204");
        assertThat(granted.at("/details/almaRolesAdded/0/scope").asText()).isEqualTo("01UNI_INST");
        assertThat(eventPayloads())
                .as("neither the key nor the person's Alma login is in any event")
                .noneMatch(payload -> payload.contains(FakeAlmaService.KEY) || payload.contains(amy.almaLogin));
    }

    @Test
    void aStepTheTicketRefusesNeverReachesAlma() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.ticketAwaitingGrant();

        Response byTheRequester = amy.scenario.api.post(
                "/tickets/" + ticket + "/sandbox-grant/alma", grant(amy.scenario.requester, false));
        Response tooEarly = amy.scenario.api.post("/tickets/" + ticket + "/role-update/alma", roleUpdate(amy, false));

        Response stale = amy.scenario.api.post(
                "/tickets/" + ticket + "/sandbox-grant/alma",
                grant(amy.scenario.librarian, false),
                "If-Match",
                "\"1\"");

        assertThat(stale.status())
                .as("decided on an older version of the ticket")
                .isEqualTo(412);
        assertThat(stale.code()).isEqualTo("STALE_VERSION");
        assertThat(byTheRequester.status()).isEqualTo(403);
        assertThat(byTheRequester.code()).isEqualTo("ROLE_REQUIRED");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.code()).isEqualTo("STEP_OUT_OF_ORDER");
        sandbox.verify(0, anyRequestedFor(urlPathEqualTo(amy.userPath())));
        production.verify(0, anyRequestedFor(urlPathEqualTo(amy.userPath())));
    }

    @Test
    void theRoleUpdateAddsTheProductionRolesAfterItsDryRun() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.ticketAwaitingRoleUpdate();

        JsonNode dryRun =
                accepted(amy.scenario.api.post("/tickets/" + ticket + "/role-update/alma", roleUpdate(amy, true)));
        production.verify(0, putRequestedFor(urlPathEqualTo(amy.userPath())));
        JsonNode applied =
                accepted(amy.scenario.api.post("/tickets/" + ticket + "/role-update/alma", roleUpdate(amy, false)));

        assertThat(dryRun.get("added")).isEqualTo(applied.get("added"));
        assertThat(applied.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(applied.at("/added/0/parameters/0/value").asText()).isEqualTo("PHYSICAL_INVENTORY");
        production.verify(1, putRequestedFor(urlPathEqualTo(amy.userPath())));
        JsonNode updated = step(amy.scenario.awaitTicket(ticket, "COMPLETED"), "ProductionRoleUpdated");
        assertThat(updated.at("/details/appliedInAlma").asBoolean()).isTrue();
        assertThat(updated.at("/details/almaRolesAdded/0/roleType").asText()).isEqualTo("51");
        JsonNode listed = amy.scenario.awaitOnMasterList("Items", amy.job, amy.scenario.requester, 1);
        assertThat(listed.get("roleInAlma").asBoolean())
                .as("the master list: applied in Alma")
                .isTrue();
    }

    @Test
    void almasValidationErrorOnTheRoleUpdateIsAProblemWithAlmasCodeAndTheStepIsNotRecorded() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.ticketAwaitingRoleUpdate();
        production.stubFor(put(urlPathEqualTo(amy.userPath()))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AlmaAnswers.error(
                                "401664", "Mandatory field is missing: role_type/scope combination is not valid"))));
        long events = events();

        Response refused = amy.scenario.api.post("/tickets/" + ticket + "/role-update/alma", roleUpdate(amy, false));

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.code()).isEqualTo("ALMA_REFUSED");
        assertThat(refused.body().get("almaCode").asText()).isEqualTo("401664");
        assertThat(refused.body().get("environment").asText()).isEqualTo("production");
        assertThat(events()).as("the step is not recorded").isEqualTo(events);
        assertThat(amy.scenario
                        .api
                        .get("/tickets/" + ticket)
                        .body()
                        .at("/ticket/status")
                        .asText())
                .isEqualTo("AWAITING_ROLE_UPDATE");
    }

    @Test
    void withAlmaDownTheRoleUpdateIsConfirmedByHandAndTheHistorySaysItDidNotGoThroughTheEngine() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.ticketAwaitingRoleUpdate();
        production.stubFor(
                get(urlPathEqualTo(amy.userPath())).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Response down = amy.scenario.api.post("/tickets/" + ticket + "/role-update/alma", roleUpdate(amy, false));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("ALMA_UNAVAILABLE");
        accepted(amy.scenario.confirmRoleUpdate(ticket, amy.scenario.support));

        JsonNode updated = step(amy.scenario.awaitTicket(ticket, "COMPLETED"), "ProductionRoleUpdated");
        assertThat(updated.at("/details/appliedInAlma").asText()).isEqualTo("false");
        assertThat(updated.at("/details/almaRolesAdded").isNull()).isTrue();
        production.verify(0, putRequestedFor(urlPathEqualTo(amy.userPath())));
        JsonNode listed = amy.scenario.awaitOnMasterList("Items", amy.job, amy.scenario.requester, 1);
        assertThat(listed.get("roleInAlma").asBoolean())
                .as("a role given by hand")
                .isFalse();
    }

    @Test
    void aRequesterWithoutAnAlmaLoginOrAJobWithoutRolesIsA422AndAlmaIsNotAsked() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.ticketAwaitingGrant();
        assertThat(amy.scenario
                        .admin
                        .put("/staff/" + amy.scenario.requester + "/alma-primary-id", "{\"almaPrimaryId\": null}")
                        .status())
                .isEqualTo(204);

        Response noLogin = amy.scenario.api.post(
                "/tickets/" + ticket + "/sandbox-grant/alma", grant(amy.scenario.librarian, true));
        assertThat(noLogin.status()).isEqualTo(422);
        assertThat(noLogin.code()).isEqualTo("ALMA_PRIMARY_ID_NOT_SET");

        assertThat(amy.scenario
                        .api
                        .put(
                                "/jobs/" + amy.job + "/alma-side",
                                "{\"performedBy\": \"%s\"}".formatted(amy.scenario.librarian))
                        .status())
                .isEqualTo(204);
        Response noRoles = amy.scenario.api.post(
                "/tickets/" + ticket + "/sandbox-grant/alma", grant(amy.scenario.librarian, true));
        assertThat(noRoles.status()).isEqualTo(422);
        assertThat(noRoles.code()).isEqualTo("ALMA_ROLES_NOT_SET");
        sandbox.verify(0, anyRequestedFor(urlPathEqualTo(amy.userPath())));

        Response noDryRun = amy.scenario.api.post(
                "/tickets/" + ticket + "/sandbox-grant/alma", """
                {"trainingMaterials": [], "performedBy": "%s"}""".formatted(amy.scenario.librarian));
        assertThat(noDryRun.status()).as("dryRun must be said").isEqualTo(400);
    }

    // --- taking them back once the sign-off ended

    @Test
    void onceRevokedTheSupportTeamTakesBackTheProductionRolesTheEngineAddedAfterADryRun() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.signedOffThroughAlma();
        accepted(amy.scenario.revoke(ticket, amy.scenario.librarian));
        long events = events();

        JsonNode dryRun = accepted(
                amy.scenario.api.post("/tickets/" + ticket + "/production-roles/take-back", takeBack(amy, true)));
        assertThat(dryRun.at("/removed/0/roleType").asText()).isEqualTo("51");
        assertThat(dryRun.get("kept")).isEmpty();
        assertThat(events()).as("a dry run records nothing").isEqualTo(events);
        production.verify(1, putRequestedFor(urlPathEqualTo(amy.userPath())));

        JsonNode taken = accepted(
                amy.scenario.api.post("/tickets/" + ticket + "/production-roles/take-back", takeBack(amy, false)));

        assertThat(taken.get("recorded").asBoolean()).isTrue();
        assertThat(taken.get("after").toString())
                .as("the job runner's role goes; the user's own inactive 51 without parameters stays")
                .doesNotContain("PHYSICAL_INVENTORY")
                .contains("INACTIVE");
        production.verify(2, putRequestedFor(urlPathEqualTo(amy.userPath())));
        JsonNode history = amy.scenario.api.await(
                "/tickets/" + ticket, view -> view.get("history").toString().contains("ProductionRolesTakenBack"));
        assertThat(step(history, "ProductionRolesTakenBack")
                        .at("/details/rolesRemoved/0/roleType")
                        .asText())
                .isEqualTo("51");
        assertThat(amy.scenario
                        .api
                        .post("/tickets/" + ticket + "/production-roles/take-back", takeBack(amy, true))
                        .code())
                .as("nothing left to take back")
                .isEqualTo("STEP_OUT_OF_ORDER");
    }

    @Test
    void aRoleThePersonStillNeedsForAnotherSignOffInForceStays() {
        AlmaRequester amy = almas.requester();
        String ticket = amy.signedOffThroughAlma();
        String otherJob = amy.job + "-too";
        Response registered =
                amy.scenario.api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Alma roles too %s",
                 "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(otherJob, amy.scenario.librarian, amy.number));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(amy.scenario
                        .api
                        .put(
                                "/jobs/" + otherJob + "/alma-side",
                                AlmaRequester.ALMA_SIDE.formatted(amy.scenario.librarian))
                        .status())
                .isEqualTo(204);
        amy.scenario.signedOff(otherJob, amy.scenario.requester);
        accepted(amy.scenario.revoke(ticket, amy.scenario.librarian));

        JsonNode taken = accepted(
                amy.scenario.api.post("/tickets/" + ticket + "/production-roles/take-back", takeBack(amy, false)));

        assertThat(taken.get("removed")).isEmpty();
        assertThat(taken.at("/kept/0/roleType").asText()).isEqualTo("51");
        production.verify(1, putRequestedFor(urlPathEqualTo(amy.userPath())));
    }

    // --- the people, the job and the fake Alma's users

    private static String grant(String librarian, boolean dryRun) {
        return """
                {"trainingMaterials": ["https://wiki.example/training/alma"], "performedBy": "%s", "dryRun": %s}""".formatted(librarian, dryRun);
    }

    static String takeBack(AlmaRequester person, boolean dryRun) {
        return """
                {"performedBy": "%s", "dryRun": %s}""".formatted(person.scenario.support, dryRun);
    }

    static String roleUpdate(AlmaRequester person, boolean dryRun) {
        return """
                {"note": "through Alma", "performedBy": "%s", "dryRun": %s}""".formatted(person.scenario.support, dryRun);
    }

    /** The ticket's one history entry of this event. */
    static JsonNode step(JsonNode ticketView, String event) {
        return Scenario.steps(ticketView).stream()
                .filter(entry -> entry.get("event").asText().equals(event))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " in " + ticketView));
    }

    private static long events() {
        return service.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
    }

    private static List<String> eventPayloads() {
        return service.bean(JdbcClient.class)
                .sql("SELECT payload, metaData FROM DomainEventEntry")
                .query((rs, row) -> text(rs.getBytes(1)) + " " + text(rs.getBytes(2)))
                .list();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
