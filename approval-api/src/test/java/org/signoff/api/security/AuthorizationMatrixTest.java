package org.signoff.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.security.EndpointRules.Rule;
import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.client.api.Operation;

/**
 * Every endpoint of {@link EndpointRules}, generated, against every kind of caller: none, a bad key, a revoked key, a
 * client without the endpoint's operation, an integration naming a person it does not act for, an integration on
 * the endpoints only an administrator's own credential opens (clients, webhooks, read models), and one naming the
 * right person. The refused ones are 401 or 403 and write nothing; the right one gets past the door (whatever the
 * ticket's state then says).
 */
class AuthorizationMatrixTest {

    @TempDir
    static Path dataDir;

    private static RunningService service;
    private static Api admin;
    private static Scenario scenario;
    private static String ticket;
    private static String job;
    private static Api revoked;
    private static Api unitDesk;

    /** A service of its own: the matrix fails authentication on purpose, far more often than guessing is allowed. */
    @BeforeAll
    static void setUp() {
        service = RunningService.start(dataDir, "--approval.security.failed-attempt-limit=100000");
        admin = service.api();
        // the first administrator administers the consortium too: the registry's endpoints have their right caller
        assertThat(admin.put("/staff/admin", """
                        {"displayName": "Admin", "unit": "LTS", "roles": ["ADMIN", "CONSORTIUM_ADMIN"],
                         "liaisonUnits": [], "performedBy": "admin"}""").status()).isIn(200, 204);
        scenario = new Scenario(admin);
        job = "matrix-job";
        assertThat(scenario.api
                        .post("/jobs", """
                        {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Matrix job",
                         "requiredReadings": []}}""".formatted(job, scenario.librarian))
                        .status())
                .isEqualTo(201);
        ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        String revokedKey = Scenario.integrationKey(admin, "matrix-revoked");
        admin.post(
                "/api-clients/" + revokedKey.substring(0, revokedKey.lastIndexOf('.')) + "/revocation",
                "{\"reason\": \"gone\"}");
        revoked = admin.withKey(revokedKey);
        unitDesk = admin.withKey(
                registered(admin, "matrix-desk", allOperations(), "\"actsForUnits\": [\"" + scenario.unit + "\"]"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyEndpointRefusesCallersWithoutTheRightAndLetsTheRightOneThrough() {
        Map<Rule, Api> withoutTheRight = new LinkedHashMap<>();
        Map<Rule, Api> withTheRight = new LinkedHashMap<>();
        Api everythingAnIntegrationHolds =
                admin.withKey(registered(admin, "matrix-all", allOperations(), "\"actsForAnyone\": true"));
        for (Rule rule : EndpointRules.RULES) {
            withoutTheRight.put(
                    rule,
                    admin.withKey(registered(
                            admin, "matrix-no-" + slug(rule), allBut(rule.operation()), "\"actsForAnyone\": true")));
            if (!personsOwn(rule.operation())) {
                withTheRight.put(
                        rule,
                        admin.withKey(registered(
                                admin,
                                "matrix-yes-" + slug(rule),
                                List.of(rule.operation()),
                                "\"actsForAnyone\": true")));
            }
        }

        List<String> wrong = new ArrayList<>();
        long eventsBefore = events();
        for (Rule rule : EndpointRules.RULES) {
            String path = rule.pattern().replace("*", ticketOrPerson(rule));
            String performer = rightPerson(rule);

            expect(wrong, rule, "no credentials", call(admin.withKey(null), rule, path, performer), 401);
            expect(
                    wrong,
                    rule,
                    "a bad key",
                    call(admin.withKey("matrix-desk.not-its-key"), rule, path, performer),
                    401);
            expect(wrong, rule, "a revoked key", call(revoked, rule, path, performer), 401);
            expect(
                    wrong,
                    rule,
                    "a client without " + rule.operation().value(),
                    call(withoutTheRight.get(rule), rule, path, performer),
                    403);
            if (personsOwn(rule.operation())) { // clients, webhooks, read models, the consortium: a person's own
                expect(
                        wrong,
                        rule,
                        "an integration with every operation it can hold, naming an administrator",
                        call(everythingAnIntegrationHolds, rule, path, performer),
                        403);
            }
            // a write performed by someone (webhook subscriptions are the client's own, performed by no one)
            if ((rule.method().name().equals("POST") || rule.method().name().equals("PUT"))
                    && !rule.pattern().startsWith("/webhooks")) {
                expect(
                        wrong,
                        rule,
                        "a person the client does not act for",
                        call(unitDesk, rule, path, scenario.support),
                        403);
            }
        }
        assertThat(wrong).as("endpoints answering a refused caller otherwise").isEmpty();
        assertThat(events()).as("refused calls write nothing").isEqualTo(eventsBefore);

        for (Rule rule : EndpointRules.RULES) {
            String path = rule.pattern().replace("*", ticketOrPerson(rule));
            // managing clients and reading refusals need a person's own key, an administrator's
            Api caller = personsOwn(rule.operation()) || rule.operation() == Operation.AUDIT_READ
                    ? admin
                    : withTheRight.get(rule);
            Response response = call(caller, rule, path, rightPerson(rule));
            if (response.status() == 401 || response.status() == 403) {
                wrong.add(rule.method() + " " + path + " for the right person: " + response.status() + " "
                        + response.code());
            }
        }
        assertThat(wrong).as("endpoints refusing the right caller").isEmpty();
    }

    /** What only a person's own credential opens: never an integration's. */
    private static boolean personsOwn(Operation operation) {
        return operation == Operation.CLIENTS_WRITE || operation == Operation.CONSORTIUM_WRITE;
    }

    private static void expect(List<String> wrong, Rule rule, String caller, Response response, int status) {
        if (response.status() != status) {
            wrong.add(rule.method() + " " + rule.pattern() + " with " + caller + ": " + response.status() + " "
                    + response.code() + ", not " + status);
        }
    }

    /** What the endpoints that take a file are sent. */
    private static final Map<String, String> FILES = Map.of(
            "/master-list/imports",
            "scope,job,person\nItems,Change physical items,Matrix Person\n",
            "/attendance-imports",
            "staff_id,class,attended_on\nmatrix-person,work-orders,2026-03-04\n");

    private static Response call(Api api, Rule rule, String path, String performedBy) {
        String file = FILES.get(rule.pattern());
        if (file != null) { // a file, not JSON: a dry run writes nothing
            return api.send("POST", path + "?dryRun=true&performedBy=" + performedBy, "text/csv", file);
        }
        return switch (rule.method().name()) {
            case "GET" -> api.get(path);
            case "PUT" -> api.put(path, body(performedBy));
            case "DELETE" -> api.send("DELETE", path, null, null);
            default -> api.post(path, body(performedBy));
        };
    }

    /** One body every write endpoint accepts (unknown fields are ignored), naming the performer. */
    private static String body(String performedBy) {
        String unique = "m" + System.nanoTime();
        return """
                {"jobId": "%s", "documentId": "jobs-overview", "version": "1", "supportTicketRef": "LTS-1",
                 "trainingMaterials": [], "jobInstanceRef": "job-1", "recordsProcessed": 1, "outcome": "SUCCEEDED",
                 "reason": "matrix", "formRef": "FORM-1", "staffId": "%s", "displayName": "Matrix", "unit": "LTS",
                 "roles": ["STAFF"], "dryRun": true, "clientId": "%s", "name": "Matrix", "operations": ["tickets:read"],
                 "definition": {"scope": "Items", "name": "Matrix job", "requiredReadings": []},
                 "classId": "%s", "title": "Matrix", "functionalArea": "Matrix", "classIds": [],
                 "attendedOn": "2026-03-04",
                 "performedBy": "%s"}""".formatted(CHANGE_ITEMS, unique, unique, unique, performedBy);
    }

    /** What stands in for {@code *}: the ticket for ticket routes, a person for the directory, else a job. */
    private static String ticketOrPerson(Rule rule) {
        if (rule.pattern().startsWith("/tickets")) {
            return ticket;
        } else if (rule.pattern().startsWith("/staff")) {
            return scenario.colleague;
        } else if (rule.pattern().startsWith("/api-clients")) {
            return "matrix-target";
        }
        return job;
    }

    /** The person whose role fits the endpoint. */
    private static String rightPerson(Rule rule) {
        String pattern = rule.pattern();
        if (pattern.startsWith("/staff")
                || pattern.startsWith("/api-clients")
                || pattern.startsWith("/access")
                || FILES.containsKey(pattern)
                || pattern.startsWith("/read-models")
                || pattern.startsWith("/institutions")
                || pattern.startsWith("/consortium")
                || (pattern.startsWith("/shared-jobs") && !pattern.endsWith("/adoption"))
                || pattern.startsWith("/wiki-publication")) {
            return "admin";
        } else if (pattern.startsWith("/jobs")
                || pattern.endsWith("/adoption")
                || pattern.startsWith("/training-classes")
                || pattern.endsWith("/sandbox-grant")
                || pattern.endsWith("/sandbox-grant/alma")
                || pattern.endsWith("/approval")
                || pattern.endsWith("/retest-request")
                || pattern.endsWith("/denial")
                || pattern.endsWith("/revocation")
                || pattern.endsWith("/recertification")) {
            return scenario.librarian;
        } else if (pattern.endsWith("/role-request")) {
            return scenario.liaison;
        } else if (pattern.endsWith("/role-update")
                || pattern.endsWith("/role-update/alma")
                || pattern.endsWith("/production-roles/take-back")) {
            return scenario.support;
        }
        return scenario.requester;
    }

    private static String registered(Api admin, String clientId, List<Operation> operations, String actsFor) {
        Response response = admin.post("/api-clients", """
                {"clientId": "%s", "name": "Matrix", "operations": %s, %s}""".formatted(
                clientId,
                operations.stream().map(o -> "\"" + o.value() + "\"").collect(Collectors.joining(", ", "[", "]")),
                actsFor));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("key").asText();
    }

    /** Every operation an integration can be granted: all but clients:write and consortium:write. */
    private static List<Operation> allOperations() {
        return allBut(Operation.CLIENTS_WRITE);
    }

    private static List<Operation> allBut(Operation operation) {
        return Arrays.stream(Operation.values())
                .filter(o -> o != operation && o != Operation.CLIENTS_WRITE && o != Operation.CONSORTIUM_WRITE)
                .toList();
    }

    private static String slug(Rule rule) {
        return (rule.method() + rule.pattern().replace("*", "x")).toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static long events() {
        return service.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
    }
}
