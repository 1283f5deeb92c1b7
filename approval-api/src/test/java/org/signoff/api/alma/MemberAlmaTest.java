package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Members;

/**
 * A member institution's steps through its own Alma (issue 33: each member has its own institution zone): the
 * consortium configures each member's connections and webhook secret ({@code approval.members[n].alma.*}), and a
 * member's grant, role update, take-back, Sandbox runs and drift report reach its Alma only, never the default
 * institution's, while the default's stay on its own.
 */
class MemberAlmaTest {

    private static final String SIDE = """
            {"jobIds": ["M28"], "sandboxRoles": [{"roleType": "204", "scope": "01BLC_MEMBER"}],
             "productionRoles": [{"roleType": "51", "scope": "01BLC_MEMBER",
                                  "parameters": [{"type": "JobCategory", "value": "PHYSICAL_INVENTORY"}]}],
             "performedBy": "%s"}""";

    private static final FakeAlmaService almas = FakeAlmaService.shared();
    private static Api memberAdmin;

    @BeforeAll
    static void theMemberIsRegistered() {
        Api consortium = Members.consortiumAdministrator(almas.service.api());
        memberAdmin = Members.register(consortium, FakeAlmaService.MEMBER, "Member with its own Alma");
        Members.catalogLikeTheSeed(memberAdmin, "of the member");
    }

    @Test
    void aMembersTicketGoesThroughItsOwnAlmaAndTheEngineTakesItsRolesBackByItsSetting() {
        AlmaRequester amy = new AlmaRequester(memberAdmin, almas.memberSandbox, almas.memberProduction);

        String ticket = amy.ticketAwaitingGrant();
        accepted(amy.scenario.api.post(
                "/tickets/" + ticket + "/sandbox-grant/alma", """
                {"trainingMaterials": ["https://wiki.example/training"], "performedBy": "%s", "dryRun": false}""".formatted(amy.scenario.librarian)));
        almas.memberSandbox.verify(1, putRequestedFor(urlPathEqualTo(amy.userPath())));
        accepted(amy.scenario.reportTest(ticket, amy.scenario.requester));
        accepted(amy.scenario.approve(ticket, amy.scenario.librarian, true));
        accepted(amy.scenario.submitRoleRequest(ticket, amy.scenario.liaison));
        JsonNode applied = accepted(amy.scenario.api.post(
                "/tickets/" + ticket + "/role-update/alma", AlmaRoleStepsTest.roleUpdate(amy, false)));
        assertThat(applied.at("/added/0/roleType").asText()).isEqualTo("51");
        almas.memberProduction.verify(1, putRequestedFor(urlPathEqualTo(amy.userPath())));
        amy.productionHoldsTheLastWrite();
        // the member takes back automatically (its setting), the default institution by task (its own)
        accepted(amy.scenario.revoke(ticket, amy.scenario.librarian));
        amy.scenario.api.await(
                "/tickets/" + ticket, view -> view.get("history").toString().contains("ProductionRolesTakenBack"));
        almas.memberProduction.verify(2, putRequestedFor(urlPathEqualTo(amy.userPath())));

        JsonNode drift = memberAdmin.get("/alma/drift").body();
        assertThat(drift.has("people")).as("%s", drift).isTrue();
        almas.memberProduction.verify(anyRequestedFor(urlPathEqualTo(amy.userPath())));

        // nothing of the member reached the default institution's Alma
        for (WireMockServer defaults : List.of(almas.sandbox, almas.production)) {
            defaults.verify(0, anyRequestedFor(urlPathMatching(".*" + amy.almaLogin + ".*")));
        }
    }

    @Test
    void aRunIsNotedOnlyWhenTheMembersOwnAlmaSaysSo() {
        AlmaRequester amy = new AlmaRequester(memberAdmin, almas.memberSandbox, almas.memberProduction);
        assertThat(amy.scenario
                        .api
                        .put("/jobs/" + amy.job + "/alma-side", SIDE.formatted(amy.scenario.librarian))
                        .status())
                .isEqualTo(204);
        String ticket = amy.ticketAwaitingGrant();
        accepted(amy.scenario.grantSandbox(ticket, amy.scenario.librarian));
        // the same run in both Almas, by the same login: only the member's Alma speaks for the member's people
        Instant start = Instant.now().plusSeconds(1);
        String instance = AlmaRuns.run(almas.memberSandbox, "M28", amy.almaLogin, start, "COMPLETED_SUCCESS");
        AlmaRuns.stubRun(almas.sandbox, "M28", instance, amy.almaLogin, start, "COMPLETED_SUCCESS");

        String byTheDefault = AlmaAnswers.jobEnd("default-" + instance, instance);
        assertThat(post(byTheDefault, AlmaWebhookTest.SECRET).status()).isEqualTo(200);
        assertThat(amy.scenario
                        .api
                        .get("/tickets/" + ticket)
                        .body()
                        .get("history")
                        .toString())
                .as("the default institution's Alma does not speak for the member's people")
                .doesNotContain("SandboxRunSeen");

        String byTheMember = AlmaAnswers.jobEnd("member-" + instance, instance);
        assertThat(post(byTheMember, FakeAlmaService.MEMBER_SECRET).status()).isEqualTo(200);
        amy.scenario.api.await(
                "/tickets/" + ticket, view -> view.get("history").toString().contains("SandboxRunSeen"));
        almas.memberSandbox.verify(
                1, anyRequestedFor(urlPathEqualTo("/almaws/v1/conf/jobs/M28/instances/" + instance)));
        assertThat(post(byTheMember, "a-secret-of-nobody").status()).isEqualTo(401);
    }

    private static Api.Response post(String notification, String secret) {
        return almas.service
                .api()
                .post("/alma/webhook", notification, "X-Exl-Signature", AlmaWebhookTest.sign(notification, secret));
    }
}
