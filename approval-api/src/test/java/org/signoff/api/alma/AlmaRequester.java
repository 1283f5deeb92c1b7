package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/** A requester with an Alma login of their own, on a job of their own whose Alma side names roles. */
final class AlmaRequester {

    /**
     * The job's roles, as the catalog names them: a Catalog Manager in the Sandbox, a job runner in production. No Alma
     * job ids: the Sandbox test is typed here (SandboxTestFromAlmaTest reads it from Alma).
     */
    static final String ALMA_SIDE = """
            {"sandboxRoles": [{"roleType": "204", "scope": "01UNI_INST"}],
             "productionRoles": [{"roleType": "51", "scope": "01UNI_INST",
                                  "parameters": [{"type": "JobCategory", "value": "PHYSICAL_INVENTORY"}]}],
             "performedBy": "%s"}""";

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    final int number = PEOPLE.incrementAndGet();
    final Scenario scenario;
    final String almaLogin = "alma-login-" + ProcessHandle.current().pid() + "-" + number;
    final String job;
    private final WireMockServer production;

    AlmaRequester(RunningService service, WireMockServer sandbox, WireMockServer production) {
        this(service.api(), sandbox, production);
    }

    /** In the institution {@code admin} administers, with the Almas it is connected to. */
    AlmaRequester(Api admin, WireMockServer sandbox, WireMockServer production) {
        this.scenario = new Scenario(admin);
        this.job = "alma-roles-" + scenario.unit.toLowerCase(java.util.Locale.ROOT);
        this.production = production;
        Response registered = scenario.api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Alma roles %s",
                 "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(job, scenario.librarian, number));
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        assertThat(scenario.api
                        .put("/jobs/" + job + "/alma-side", ALMA_SIDE.formatted(scenario.librarian))
                        .status())
                .isEqualTo(204);
        Response login = scenario.admin.put(
                "/staff/" + scenario.requester + "/alma-primary-id",
                "{\"almaPrimaryId\": \"%s\"}".formatted(almaLogin));
        assertThat(login.status()).as("%s", login.body()).isEqualTo(204);
        String user = AlmaAnswers.FULL_USER.replace("\"jdoe\"", "\"" + almaLogin + "\"");
        for (WireMockServer alma : List.of(sandbox, production)) {
            alma.stubFor(get(urlPathEqualTo(userPath())).willReturn(okJson(user)));
            // Alma answers a write with the user as it now holds it: here, as it was sent
            alma.stubFor(put(urlPathEqualTo(userPath()))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{{{request.body}}}")
                            .withTransformers("response-template")));
        }
    }

    /** A ticket through the six steps, step 6 through Alma; the fake Alma then holds the user as written. */
    String signedOffThroughAlma() {
        String ticket = ticketAwaitingRoleUpdate();
        accepted(scenario.api.post(
                "/tickets/" + ticket + "/role-update/alma", AlmaRoleStepsTest.roleUpdate(this, false)));
        productionHoldsTheLastWrite();
        return ticket;
    }

    /** Production Alma answers the user as the engine last wrote it. */
    void productionHoldsTheLastWrite() {
        List<LoggedRequest> writes = production.findAll(putRequestedFor(urlPathEqualTo(userPath())));
        production.stubFor(get(urlPathEqualTo(userPath()))
                .willReturn(okJson(writes.get(writes.size() - 1).getBodyAsString())));
    }

    String userPath() {
        return "/almaws/v1/users/" + almaLogin;
    }

    String ticketAwaitingGrant() {
        String ticket = scenario.open(scenario.requester, job);
        accepted(scenario.confirmReading(ticket, scenario.requester, "guide"));
        accepted(scenario.request(ticket, scenario.requester));
        return ticket;
    }

    String ticketAwaitingRoleUpdate() {
        String ticket = ticketAwaitingGrant();
        accepted(scenario.grantSandbox(ticket, scenario.librarian));
        accepted(scenario.reportTest(ticket, scenario.requester));
        accepted(scenario.approve(ticket, scenario.librarian, true));
        accepted(scenario.submitRoleRequest(ticket, scenario.liaison));
        return ticket;
    }
}
