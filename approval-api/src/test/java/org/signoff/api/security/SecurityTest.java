package org.signoff.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Problems;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Who is calling: every request carries an API key, a key opens only what its client was granted, a person's key
 * acts as that person only, and a revoked or rotated key stops at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityTest {

    private Scenario scenario;
    private Api admin;
    private Api anonymous;

    @BeforeEach
    void setUp() {
        admin = RunningService.shared().api();
        scenario = new Scenario(admin);
        anonymous = admin.withKey(null);
    }

    @Test
    void aRequestWithoutAKeyIsUnauthenticatedButTheHealthCheckIsOpen() {
        for (Response response : List.of(
                anonymous.get("/tickets"),
                anonymous.get("/master-list"),
                anonymous.post("/tickets", "{\"jobId\": \"" + CHANGE_ITEMS + "\"}"),
                anonymous.get("/no-such-path"))) {
            assertProblem(response, 401, "UNAUTHENTICATED");
            assertThat(response.wwwAuthenticate()).startsWith("ApiKey");
        }
        Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().has("components"))
                .as("no details for strangers")
                .isFalse();
        assertThat(admin.get("/actuator/health").body().has("components")).isTrue();
        assertProblem(anonymous.get("/actuator/prometheus"), 401, "UNAUTHENTICATED");
    }

    @Test
    void aWrongUnknownOrMalformedKeyIsUnauthenticated() {
        String key = Scenario.integrationKey(admin, "wrong-" + scenario.unit.toLowerCase());
        String client = key.substring(0, key.lastIndexOf('.'));
        for (String bad : List.of(client + ".not-the-secret", "nobody.secret", "no-dot-at-all", client + ".", ".x")) {
            assertProblem(admin.withKey(bad).get("/tickets"), 401, "UNAUTHENTICATED");
        }
        assertThat(admin.withKey(key).get("/tickets").status()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyStopsAtOnce() {
        String clientId = "revoked-" + scenario.unit.toLowerCase();
        Api integration = admin.withKey(Scenario.integrationKey(admin, clientId));
        assertThat(integration.get("/tickets").status()).isEqualTo(200);

        assertThat(admin.post("/api-clients/" + clientId + "/revocation", "{\"reason\": \"contract ended\"}")
                        .status())
                .isEqualTo(204);
        assertProblem(integration.get("/tickets"), 401, "UNAUTHENTICATED");
        assertProblem(
                admin.post("/api-clients/" + clientId + "/revocation", "{\"reason\": \"again\"}"),
                409,
                "CLIENT_REVOKED");
    }

    @Test
    void aRotatedKeyWorksAtOnceAndTheOldOneOnlyThroughTheOverlap() {
        String clientId = "rotated-" + scenario.unit.toLowerCase();
        String first = Scenario.integrationKey(admin, clientId);

        String second = admin.post("/api-clients/" + clientId + "/rotation", "{\"overlapSeconds\": 3600}")
                .body()
                .get("key")
                .asText();
        assertThat(admin.withKey(second).get("/tickets").status()).isEqualTo(200);
        assertThat(admin.withKey(first).get("/tickets").status())
                .as("within the overlap")
                .isEqualTo(200);

        String third = admin.post("/api-clients/" + clientId + "/rotation", "{}")
                .body()
                .get("key")
                .asText();
        assertThat(admin.withKey(third).get("/tickets").status()).isEqualTo(200);
        assertProblem(admin.withKey(second).get("/tickets"), 401, "UNAUTHENTICATED");
        assertProblem(admin.withKey(first).get("/tickets"), 401, "UNAUTHENTICATED");
    }

    @Test
    void aPersonsOwnKeyActsAsThatPersonOnly() {
        Api amy = admin.withKey(
                personalKey(scenario.requester, "[\"tickets:read\", \"tickets:write\", " + "\"readings:write\"]"));
        Response opened = amy.post("/tickets", "{\"jobId\": \"" + CHANGE_ITEMS + "\"}");
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String ticket = opened.body().get("ticketId").asText();

        Response asSomeoneElse = amy.post("/tickets/" + ticket + "/readings", """
                {"documentId": "jobs-overview", "version": "1", "performedBy": "%s"}""".formatted(scenario.colleague));
        assertProblem(asSomeoneElse, 403, "PERFORMER_NOT_ALLOWED");
        accepted(amy.post("/tickets/" + ticket + "/readings", """
                {"documentId": "jobs-overview", "version": "1", "performedBy": "%s"}""".formatted(scenario.requester)));
        assertNothingWrittenBeyond(ticket, 3); // opened (with its wait's deadlines) and one reading

        JsonNode view =
                amy.await("/tickets/" + ticket, body -> body.get("history").size() == 3);
        assertThat(view.at("/ticket/staffId").asText()).isEqualTo(scenario.requester);
        assertThat(view.at("/history/2/event").asText()).isEqualTo("ReadingConfirmed");
        assertThat(view.at("/history/2/client").asText()).isEqualTo("own-" + scenario.requester);
    }

    @Test
    void anIntegrationActsOnlyForTheStaffOfItsUnitsAndIsRecordedBesideThePerson() {
        String clientId = "unit-" + scenario.unit.toLowerCase();
        Response registered = admin.post("/api-clients", """
                {"clientId": "%s", "name": "Unit desk", "operations": ["tickets:read", "tickets:write"],
                 "actsForUnits": ["%s"]}""".formatted(clientId, scenario.unit));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        Api desk = admin.withKey(registered.body().get("key").asText());

        Response forAmy = desk.post(
                "/tickets", "{\"jobId\": \"%s\", \"performedBy\": \"%s\"}".formatted(CHANGE_ITEMS, scenario.requester));
        assertThat(forAmy.status()).as(forAmy.body().toString()).isEqualTo(201);
        assertProblem(
                desk.post(
                        "/tickets",
                        "{\"jobId\": \"%s\", \"performedBy\": \"%s\"}".formatted(CHANGE_ITEMS, scenario.librarian)),
                403,
                "PERFORMER_NOT_ALLOWED");
        assertProblem(desk.post("/tickets", "{\"jobId\": \"" + CHANGE_ITEMS + "\"}"), 400, "INVALID_REQUEST");

        String ticket = forAmy.body().get("ticketId").asText();
        JsonNode opened = desk.await("/tickets/" + ticket, body -> true).at("/history/0");
        assertThat(opened.get("performedBy").asText()).isEqualTo(scenario.requester);
        assertThat(opened.get("client").asText()).isEqualTo(clientId);
    }

    @Test
    void aClientMayDoOnlyTheOperationsItWasGranted() {
        Response registered = admin.post("/api-clients", """
                {"clientId": "reader-%s", "name": "Dashboard", "operations": ["master-list:read"],
                 "actsForAnyone": true}""".formatted(scenario.unit.toLowerCase()));
        Api dashboard = admin.withKey(registered.body().get("key").asText());

        assertThat(dashboard.get("/master-list").status()).isEqualTo(200);
        assertProblem(dashboard.get("/tickets"), 403, "ACCESS_DENIED");
        assertProblem(
                dashboard.post(
                        "/tickets",
                        "{\"jobId\": \"%s\", \"performedBy\": \"%s\"}".formatted(CHANGE_ITEMS, scenario.requester)),
                403,
                "ACCESS_DENIED");
        assertProblem(dashboard.get("/actuator/prometheus"), 403, "ACCESS_DENIED");
    }

    @Test
    void onlyAnAdministratorManagesClientsAndNoSecretIsShownTwice(CapturedOutput output) {
        Api librarian = admin.withKey(personalKey(scenario.librarian, "[\"tickets:read\", \"clients:write\"]"));
        assertProblem(librarian.get("/api-clients"), 403, "ACCESS_DENIED");

        String key = Scenario.integrationKey(admin, "listed-" + scenario.unit.toLowerCase());
        String secret = key.substring(key.lastIndexOf('.') + 1);
        String listed = admin.get("/api-clients").body().toString();
        assertThat(listed).contains("listed-" + scenario.unit.toLowerCase()).doesNotContain(secret);
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void refusalsAreCountedOnARecordThatOnlyAuditorsAndAdministratorsRead() {
        String reader = "reader-" + scenario.unit.toLowerCase();
        Api dashboard = admin.withKey(admin.post("/api-clients", """
                        {"clientId": "%s", "name": "Dashboard", "operations": ["master-list:read"],
                         "actsForAnyone": true}""".formatted(reader))
                .body()
                .get("key")
                .asText());
        for (int i = 0; i < 3; i++) {
            assertProblem(dashboard.get("/tickets/" + i), 403, "ACCESS_DENIED");
        }
        assertProblem(
                scenario.grantSandbox(scenario.open(scenario.requester, CHANGE_ITEMS), scenario.colleague),
                403,
                "ROLE_REQUIRED");

        String auditorId = "auditor-" + scenario.unit.toLowerCase();
        assertThat(admin.post("/staff", """
                        {"staffId": "%s", "displayName": "Ada Auditor", "unit": "LTS", "roles": ["AUDITOR"]}""".formatted(auditorId)).status()).isEqualTo(201);
        Api auditor = admin.withKey(personalKey(auditorId, "[\"audit:read\", \"tickets:read\"]"));
        JsonNode record = auditor.get("/access-refusals?limit=1000").body();
        assertThat(record.toString()).doesNotContain("Amy", "Daryl");
        assertThat(entry(record, reader, "GET /tickets/*", "ACCESS_DENIED")
                        .get("attempts")
                        .asLong())
                .isEqualTo(3);
        assertThat(entry(record, scenario.integrationClient(), "POST /tickets/*/sandbox-grant", "ROLE_REQUIRED"))
                .as("the integration that sent it is who is recorded, not the person it acted for")
                .isNotNull();

        Api amy = admin.withKey(personalKey(scenario.requester, "[\"audit:read\", \"tickets:read\"]"));
        assertProblem(amy.get("/access-refusals"), 403, "ACCESS_DENIED");
    }

    @Test
    void thePageNeedsASignedInPerson() throws Exception {
        java.net.http.HttpClient browserless = java.net.http.HttpClient.newHttpClient(); // follows no redirect
        for (String page : List.of(
                "/ui",
                "/ui/master-list",
                "/ui/work-queue/items",
                "/ui/team",
                "/ui/team/items",
                "/ui/statistics",
                "/ui/changes")) {
            java.net.http.HttpResponse<String> answer = browserless.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                                    + RunningService.shared().port() + page))
                            .header("X-API-Key", RunningService.ADMIN_KEY)
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(page + ", even with an API key").isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/ui/sign-in");
        }
    }

    @Test
    void everyEndpointHasARule() {
        RequestMappingHandlerMapping endpoints =
                RunningService.shared().bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> withoutRule = new ArrayList<>();
        for (var mapping : endpoints.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            HandlerMethod handler = mapping.getValue();
            if (handler.getBeanType().getName().startsWith("org.springframework")) {
                continue; // Spring's own error endpoint
            }
            for (String pattern : info.getPatternValues()) {
                if (EndpointRules.openToRead(pattern)) {
                    continue; // the published contract, open to anyone
                }
                if (EndpointRules.SIGNED_BY_SENDER.contains(pattern)) {
                    continue; // authenticated by its sender's signature, in the endpoint (alma/AlmaWebhookTest)
                }
                if (pattern.equals("/ui") || pattern.startsWith("/ui/")) {
                    continue; // the page's own chain: all of it needs a signed-in person (thePageNeedsASignedInPerson)
                }
                String ruled = pattern.replaceAll("\\{[^}]+}", "*");
                for (var method : info.getMethodsCondition().getMethods()) {
                    boolean hasRule = EndpointRules.RULES.stream()
                            .anyMatch(rule -> rule.pattern().equals(ruled)
                                    && rule.method().name().equals(method.name()));
                    if (!hasRule) {
                        withoutRule.add(method + " " + pattern);
                    }
                }
            }
        }
        assertThat(withoutRule).as("endpoints with no rule in EndpointRules").isEmpty();
        assertThat(EndpointRules.RULES).hasSizeGreaterThan(20);
    }

    private static JsonNode entry(JsonNode record, String principal, String endpoint, String reason) {
        for (JsonNode refusal : record) {
            if (refusal.get("principal").asText().equals(principal)
                    && refusal.get("endpoint").asText().equals(endpoint)
                    && refusal.get("reason").asText().equals(reason)) {
                return refusal;
            }
        }
        return null;
    }

    private String personalKey(String staffId, String operations) {
        Response registered = admin.post("/api-clients", """
                {"clientId": "own-%s", "name": "Own key", "staffId": "%s", "operations": %s}""".formatted(staffId, staffId, operations));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return registered.body().get("key").asText();
    }

    private static void assertNothingWrittenBeyond(String ticket, int acceptedEvents) {
        assertThat(RunningService.shared()
                        .bean(EventStore.class)
                        .readEvents(ticket)
                        .asStream()
                        .count())
                .isEqualTo(acceptedEvents);
    }

    private static void assertProblem(Response response, int status, String code) {
        Problems.assertProblem(response, status, code);
        assertThat(Set.of(response.body().toString())).noneMatch(body -> body.contains("Exception"));
    }
}
