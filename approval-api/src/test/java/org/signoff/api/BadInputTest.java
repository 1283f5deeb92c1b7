package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS_READINGS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Problems;
import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.ticket.api.DeadlinesScheduled;

/**
 * What integrations that retry, duplicate and send garbage get: a problem response with the right status and a
 * stable code, never a 500, and no event written.
 */
class BadInputTest {

    private Scenario scenario;
    private Api api;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(RunningService.shared().api());
        api = scenario.api;
    }

    // --- 400: malformed or missing

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(api.post("/tickets", "{\"jobId\": "), 400, "MALFORMED_REQUEST");
        assertProblem(api.post("/tickets", "[1, 2]"), 400, "MALFORMED_REQUEST");
        assertProblem(api.post("/tickets", ""), 400, "MALFORMED_REQUEST");
    }

    @Test
    void missingFieldsAreNamed() {
        Response response = api.post("/tickets", "{\"performedBy\": \"" + scenario.requester + "\"}");
        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.body().get("errors").toString()).contains("jobId");

        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        Response noRef =
                api.post("/tickets/" + ticket + "/request", "{\"performedBy\": \"" + scenario.requester + "\"}");
        assertProblem(noRef, 400, "INVALID_REQUEST");
        assertThat(noRef.body().get("errors").toString()).contains("supportTicketRef");
        assertNothingWritten(ticket, 1);
    }

    @Test
    void valuesOfTheWrongTypeOrOutOfRangeAreBadRequests() {
        String ticket = ticketAwaitingTest();
        assertProblem(
                api.post("/tickets/" + ticket + "/sandbox-test", """
                {"jobInstanceRef": "j", "recordsProcessed": "many", "outcome": "SUCCEEDED", "performedBy": "%s"}""".formatted(scenario.requester)),
                400,
                "MALFORMED_REQUEST");
        assertProblem(
                api.post("/tickets/" + ticket + "/sandbox-test", """
                {"jobInstanceRef": "j", "recordsProcessed": -1, "outcome": "SUCCEEDED", "performedBy": "%s"}""".formatted(scenario.requester)),
                400,
                "INVALID_REQUEST");
        Response badOutcome = api.post("/tickets/" + ticket + "/sandbox-test", """
                {"jobInstanceRef": "j", "recordsProcessed": 1, "outcome": "GREAT", "performedBy": "%s"}""".formatted(scenario.requester));
        assertProblem(badOutcome, 400, "MALFORMED_REQUEST");
        assertThat(badOutcome.body().get("detail").asText())
                .isEqualTo("'outcome' is \"GREAT\", but takes one of [SUCCEEDED, COMPLETED_WITH_ERRORS, FAILED]");
        assertNothingWritten(ticket, 6);
    }

    @Test
    void badInputToTheLedgerTheAuditTrailAndThePermissionLifetimeIsAProblemNeverAnError() {
        String ticket = ticketAwaitingTest();
        assertProblem(
                api.post("/tickets/" + ticket + "/sandbox-test", """
                {"jobInstanceRef": "j", "recordsProcessed": 1, "outcome": "SUCCEEDED", "attachments": ["not a link"],
                 "performedBy": "%s"}""".formatted(scenario.requester)),
                400,
                "INVALID_REQUEST");
        assertProblem(
                api.post("/tickets/" + ticket + "/sandbox-test", """
                {"jobInstanceRef": "j", "recordsProcessed": 1, "outcome": "SUCCEEDED", "attachments": "x",
                 "performedBy": "%s"}""".formatted(scenario.requester)),
                400,
                "MALFORMED_REQUEST");
        assertNothingWritten(ticket, 6);

        Api admin = scenario.admin;
        assertProblem(admin.get("/master-list?at=yesterday"), 400, "MALFORMED_REQUEST");
        assertProblem(admin.get("/ledger/events?from=yesterday"), 400, "MALFORMED_REQUEST");
        assertProblem(admin.get("/ledger/events?to=2026-13-01T00:00:00Z"), 400, "MALFORMED_REQUEST");
        assertProblem(admin.get("/staff/nobody-here/permissions"), 404, "UNKNOWN_STAFF");
        assertProblem(admin.get("/staff/nobody-here/history"), 404, "UNKNOWN_STAFF");
        assertProblem(admin.get("/staff/" + scenario.requester + "/history?limit=0"), 400, "INVALID_REQUEST");
        assertProblem(
                api.post("/jobs", """
                {"jobId": "bad-validity-%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "x",
                 "requiredReadings": [], "signOffValidFor": "a year"}}""".formatted(System.nanoTime(), scenario.librarian)), 400, "MALFORMED_REQUEST");
        assertProblem(
                api.post("/jobs", """
                {"jobId": "bad-validity-%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "x",
                 "requiredReadings": [], "signOffValidFor": "-P1D"}}""".formatted(System.nanoTime(), scenario.librarian)), 422, "INVALID_DEFINITION");
    }

    @Test
    void badInputToTheQueuesStatisticsErasureAndImportsIsAProblemNeverAnError() {
        Api admin = scenario.admin;
        assertProblem(api.get("/work-queue?staffId=Not%20Valid"), 400, "INVALID_REQUEST");
        assertProblem(api.get("/work-queue?staffId=nobody-here"), 404, "UNKNOWN_STAFF");
        assertProblem(
                api.get("/work-queue?staffId=" + scenario.requester + "&after=garbage"), 400, "MALFORMED_REQUEST");
        assertProblem(api.get("/work-queue?staffId=" + scenario.requester + "&limit=0"), 400, "INVALID_REQUEST");
        assertProblem(admin.get("/staff/nobody-here/standing"), 404, "UNKNOWN_STAFF");
        assertProblem(admin.get("/statistics?from=yesterday"), 400, "MALFORMED_REQUEST");
        assertProblem(admin.get("/master-list?unit=" + "x".repeat(101)), 400, "INVALID_REQUEST");
        assertProblem(admin.post("/staff/nobody-here/erasure", "{}"), 404, "UNKNOWN_STAFF");
        assertProblem(
                admin.post("/staff/" + scenario.requester + "/erasure", "{\"performedBy\": \"Not Valid\"}"),
                400,
                "INVALID_REQUEST");
        assertProblem(
                admin.send("POST", "/master-list/imports", "application/json", "{}"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(admin.send("POST", "/master-list/imports", "text/csv", ""), 400, "MALFORMED_REQUEST");
        assertProblem(
                api.send(
                        "POST",
                        "/master-list/imports?dryRun=true&performedBy=" + scenario.requester,
                        "text/csv",
                        "scope,job,person\n"),
                403,
                "ROLE_REQUIRED");
        assertProblem(admin.get("/read-models/nothing-of-the-kind"), 404, "UNKNOWN_READ_MODEL");
        assertProblem(admin.post("/read-models/nothing-of-the-kind/rebuild", "{}"), 404, "UNKNOWN_READ_MODEL");
        assertProblem(
                admin.post("/read-models/tickets/rebuild", "{\"performedBy\": \"Not Valid\"}"), 400, "INVALID_REQUEST");
    }

    @Test
    void everyStepWithAnEmptyBodyIsABadRequestNamingWhatIsMissing() {
        String ticket = scenario.ticketAwaitingReview();
        // what each step misses first; an integration must also name the person it acts for
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("readings", "documentId");
        missing.put("request", "supportTicketRef");
        missing.put("sandbox-grant", "trainingMaterials");
        missing.put("sandbox-test", "jobInstanceRef");
        missing.put("approval", "performedBy");
        missing.put("retest-request", "reason");
        missing.put("denial", "reason");
        missing.put("role-request", "formRef");
        missing.put("role-update", "performedBy");
        missing.put("withdrawal", "performedBy");
        missing.put("revocation", "reason");
        missing.put("recertification", "reason");
        missing.forEach((step, field) -> {
            Response response = api.post("/tickets/" + ticket + "/" + step, "{}");
            assertProblem(response, 400, "INVALID_REQUEST");
            assertThat(response.body().get("errors").toString()).as(step).contains(field);
        });
        assertNothingWritten(ticket, 7);
    }

    @Test
    void badJobAndStaffBodiesAreRefused() {
        assertProblem(api.post("/jobs", """
                {"jobId": "no-definition", "performedBy": "%s"}""".formatted(scenario.librarian)), 400, "INVALID_REQUEST");
        assertProblem(api.put("/jobs/" + CHANGE_ITEMS, """
                {"performedBy": "%s", "definition": {"scope": "", "name": "x", "requiredReadings": []}}""".formatted(scenario.librarian)), 400, "INVALID_REQUEST");
        assertProblem(
                api.post("/jobs/" + CHANGE_ITEMS + "/retirement", """
                {"performedBy": "%s"}""".formatted(scenario.librarian)),
                400,
                "INVALID_REQUEST");
        assertProblem(api.put("/staff/" + scenario.requester, """
                {"unit": "ITS", "roles": [], "performedBy": "admin"}"""), 400, "INVALID_REQUEST");
        assertProblem(api.get("/jobs?includeRetired=maybe"), 400, "MALFORMED_REQUEST");
        assertThat(api.get("/jobs/" + CHANGE_ITEMS).body().get("name").asText()).isEqualTo("Change physical items");
    }

    @Test
    void aJobsYesNoFlagsMayBeLeftOut() {
        String jobId = "flags-left-out-" + scenario.unit.toLowerCase();
        assertThat(api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Plain job",
                 "requiredReadings": []}}""".formatted(jobId, scenario.librarian)).status())
                .isEqualTo(201);
        JsonNode job = api.await("/jobs/" + jobId, body -> true);
        assertThat(job.get("signOffPerVariant").asBoolean()).isFalse();
        assertThat(job.get("roleUpdateUsuallyNeeded").asBoolean()).isFalse();
        assertThat(job.get("variants")).isEmpty();
    }

    @Test
    void aJobDefinitionAgainstTheCatalogsRulesIsRefused() {
        assertProblem(
                api.post("/jobs", """
                {"jobId": "twice-read-%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "x",
                 "requiredReadings": [{"documentId": "a", "title": "A", "version": "1"},
                                      {"documentId": "a", "title": "A again", "version": "2"}],
                 "variants": [], "signOffPerVariant": false, "roleUpdateUsuallyNeeded": false}}""".formatted(scenario.unit.toLowerCase(), scenario.librarian)),
                422,
                "INVALID_DEFINITION");
    }

    @Test
    void aQueryParameterTheEndpointDoesNotTakeIsABadRequestNotIgnored() {
        Response typo = api.get("/tickets?stauts=READING");
        assertProblem(typo, 400, "INVALID_REQUEST");
        assertThat(typo.body().get("errors").toString()).contains("stauts").contains("status");
        assertProblem(api.get("/master-list?person=amy"), 400, "INVALID_REQUEST"); // it is staffId=
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        assertProblem(
                api.post("/tickets/" + ticket + "/readings?force=true", """
                {"documentId": "jobs-overview", "version": "1", "performedBy": "%s"}""".formatted(scenario.requester)),
                400,
                "INVALID_REQUEST");
        assertNothingWritten(ticket, 1);
        assertThat(api.get("/tickets?status=READING&step=1").status()).isEqualTo(200);
    }

    @Test
    void anUnknownStatusFilterIsABadRequest() {
        assertProblem(api.get("/tickets?status=SOMEWHERE"), 400, "MALFORMED_REQUEST");
        assertProblem(api.get("/tickets?step=7"), 400, "INVALID_REQUEST");
        assertProblem(api.get("/tickets?step=two"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anInvalidIdForANewJobOrPersonIsABadRequest() {
        assertProblem(api.post("/staff", """
                {"staffId": "Not An Id!", "displayName": "X", "unit": "ITS", "roles": ["STAFF"],
                 "performedBy": "admin"}"""), 400, "INVALID_REQUEST");
        Response king = api.post("/staff", """
                {"staffId": "x", "displayName": "X", "unit": "ITS", "roles": ["KING"], "performedBy": "admin"}""");
        assertProblem(king, 400, "MALFORMED_REQUEST");
        assertThat(king.body().get("detail").asText())
                .startsWith("'roles[0]' is \"KING\", but takes one of [")
                .doesNotContain("org.signoff");
    }

    @Test
    void otherMediaTypesAndMethodsAreRefusedWithProblems() {
        Response text = api.send("POST", "/tickets", "text/plain", "open please");
        assertProblem(text, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(api.send("DELETE", "/tickets", null, null), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aWildcardOrUnreadableContentTypeIsAnUnsupportedMediaTypeOnEveryWrite() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        for (String contentType : List.of("application/*", "*/*", "application", "json;;=")) {
            assertProblem(api.send("POST", "/tickets", contentType, "{}"), 415, "UNSUPPORTED_MEDIA_TYPE");
            assertProblem(
                    api.send("POST", "/tickets/" + ticket + "/readings", contentType, "{}"),
                    415,
                    "UNSUPPORTED_MEDIA_TYPE");
            assertProblem(
                    api.send("PUT", "/staff/" + scenario.requester, contentType, "{}"), 415, "UNSUPPORTED_MEDIA_TYPE");
            assertProblem(api.send("POST", "/jobs", contentType, "{}"), 415, "UNSUPPORTED_MEDIA_TYPE");
        }
        assertNothingWritten(ticket, 1);
    }

    @Test
    void aUnitWithALineBreakIsRefusedSoItCannotPassForTwoUnits() {
        String liaison = "liaison-xyz-" + scenario.unit.toLowerCase();
        Response response = api.post("/staff", """
                {"staffId": "%s", "displayName": "Mallory", "unit": "XYZ", "roles": ["LIAISON"],
                 "liaisonUnits": ["XYZ\\n%s"], "performedBy": "admin"}""".formatted(liaison, scenario.unit));
        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.body().get("errors").toString()).contains("liaisonUnits");
        assertProblem(api.get("/staff/" + liaison), 404, "UNKNOWN_STAFF");

        for (String unit : List.of("ITS\\u0000", " ITS", "ITS ", "IT\\tS", "\\u2028ITS")) {
            assertProblem(api.put("/staff/" + scenario.requester, """
                    {"unit": "%s", "roles": ["STAFF"], "performedBy": "admin"}""".formatted(unit)), 400, "INVALID_REQUEST");
        }
        assertThat(api.get("/staff/" + scenario.requester).body().get("unit").asText())
                .isEqualTo(scenario.unit);
    }

    @Test
    void everyListInARequestHasAMaximumSize() {
        Response units = api.post("/staff", """
                {"staffId": "many-units-%s", "displayName": "M", "unit": "ITS", "roles": ["LIAISON"],
                 "liaisonUnits": %s, "performedBy": "admin"}""".formatted(scenario.unit.toLowerCase(), jsonList(51, i -> "unit-" + i)));
        assertProblem(units, 400, "INVALID_REQUEST");
        assertThat(units.body().get("errors").toString()).contains("liaisonUnits");

        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS);
        accepted(scenario.request(ticket, scenario.requester));
        assertProblem(
                api.post("/tickets/" + ticket + "/sandbox-grant", """
                {"trainingMaterials": %s, "performedBy": "%s"}""".formatted(
                                jsonList(51, i -> "doc-" + i), scenario.librarian)),
                400,
                "INVALID_REQUEST");
        assertProblem(
                api.post("/jobs", """
                {"jobId": "many-variants-%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "x",
                 "requiredReadings": [], "variants": %s, "signOffPerVariant": true}}""".formatted(
                                scenario.unit.toLowerCase(), scenario.librarian, jsonList(201, i -> "v" + i))),
                400,
                "INVALID_REQUEST");
        assertNothingWritten(ticket, 5);
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeItIsRead() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        String huge = """
                {"documentId": "jobs-overview", "version": "1", "performedBy": "%s", "padding": "%s"}""".formatted(scenario.requester, "x".repeat(70_000));
        assertProblem(api.post("/tickets/" + ticket + "/readings", huge), 413, "PAYLOAD_TOO_LARGE");
        assertProblem(api.postChunked("/tickets/" + ticket + "/readings", huge), 413, "PAYLOAD_TOO_LARGE");
        assertNothingWritten(ticket, 1);
    }

    @Test
    void theLargestValuesValidationAllowsFitTheStore() {
        String staffId = ("x" + scenario.unit.toLowerCase() + "-" + "y".repeat(100)).substring(0, 100);
        String name = "N".repeat(500);
        String unit = "U".repeat(99) + "Z";
        String units = jsonList(50, i -> String.format("%03d", i) + "L".repeat(97));
        Response registered = api.post("/staff", """
                {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": ["STAFF", "LIAISON"],
                 "liaisonUnits": %s, "performedBy": "admin"}""".formatted(staffId, name, unit, units));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        Scenario.attended(scenario.admin, staffId, Scenario.CLASSES_OF_EVERY_JOB);
        JsonNode person = api.await("/staff/" + staffId, body -> true);
        assertThat(person.get("displayName").asText()).isEqualTo(name);
        assertThat(person.get("liaisonUnits")).hasSize(50);

        String jobId = ("big-" + scenario.unit.toLowerCase() + "-" + "j".repeat(100)).substring(0, 100);
        String variant = "V".repeat(200);
        assertThat(api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "%s", "name": "%s", "notes": "%s",
                 "requiredReadings": %s, "variants": %s, "signOffPerVariant": true}}""".formatted(
                                jobId,
                                scenario.librarian,
                                "S".repeat(200),
                                name,
                                "n".repeat(4000),
                                "[]",
                                jsonList(200, i -> i == 0 ? variant : String.format("%03d", i) + "v".repeat(197))))
                        .status())
                .isEqualTo(201);
        Response opened = api.post("/tickets", """
                {"jobId": "%s", "variant": "%s", "performedBy": "%s"}""".formatted(jobId, variant, staffId));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String ticket = opened.body().get("ticketId").asText();
        accepted(
                api.post("/tickets/" + ticket + "/request", """
                {"supportTicketRef": "%s", "note": "%s", "performedBy": "%s"}""".formatted("R".repeat(200), "n".repeat(4000), staffId)));
        assertThat(scenario.awaitTicket(ticket, "AWAITING_SANDBOX_GRANT")
                        .at("/ticket/supportTicketRef")
                        .asText())
                .hasSize(200);
    }

    @Test
    void badWebhookApiClientAndRefusalRequestsAreProblemsNeverErrors() {
        Api admin = RunningService.shared().api();
        String id = "hook-" + scenario.unit.toLowerCase();
        String secret = Receiver.SECRET;
        assertProblem(admin.post("/webhooks", """
                {"subscriptionId": "%s", "url": "ftp://nope", "secret": "%s"}""".formatted(id, secret)), 400, "INVALID_REQUEST");
        assertProblem(admin.post("/webhooks", """
                {"subscriptionId": "%s", "url": "https://x.example/h", "secret": "%s",
                 "events": ["TicketExploded"]}""".formatted(id, secret)), 422, "INVALID_DEFINITION");
        String good = """
                {"subscriptionId": "%s", "url": "https://x.example/h", "secret": "%s"}""".formatted(id, secret);
        assertThat(admin.post("/webhooks", good).status()).isEqualTo(201);
        assertProblem(admin.post("/webhooks", good), 409, "ALREADY_EXISTS");
        assertProblem(admin.get("/webhooks/" + id + "/deliveries?status=LOST"), 400, "MALFORMED_REQUEST");
        assertProblem(admin.post("/webhooks", """
                {"subscriptionId": "%s-2", "url": "https://x.example/h", "secret": "%s",
                 "jobs": ["Not An Id!"]}""".formatted(id, secret)), 400, "INVALID_REQUEST");
        assertProblem(admin.post("/webhooks", """
                {"subscriptionId": "%s-2", "url": "https://x.example/h", "secret": "%s",
                 "scopes": ["Items\\nInjected"]}""".formatted(id, secret)), 400, "INVALID_REQUEST");
        for (String notStandard : List.of(
                "a-long-plain-secret-as-before-0123456789", // not whsec_: no receiver's library would decode it
                "whsec_c2hvcnQ=", // 5 bytes
                "whsec_" + "QUJD".repeat(7) + "QQ==", // 22 bytes: under the standard's 24
                "whsec_" + "QUJD".repeat(22), // 66 bytes: over its 64
                "whsec_" + "QUJD".repeat(8) + "QQ", // base64 without its padding
                "whsec_" + "QUJD".repeat(7) + "Q!==", // not base64
                "whsec_" + "QUJD".repeat(8) + "\\nQUJD")) { // a line break inside
            Response subscription = admin.post("/webhooks", """
                    {"subscriptionId": "%s-2", "url": "https://x.example/h", "secret": "%s"}""".formatted(id, notStandard));
            assertProblem(subscription, 400, "INVALID_REQUEST");
            assertThat(subscription.body().get("errors").toString())
                    .contains("secret")
                    .doesNotContain(notStandard);
            Response rotation = admin.post("/webhooks/" + id + "/secret-rotation", """
                    {"secret": "%s"}""".formatted(notStandard));
            assertProblem(rotation, 400, "INVALID_REQUEST");
            assertThat(rotation.body().get("errors").toString()).contains("secret");
        }
        assertProblem(admin.post("/webhooks/" + id + "/secret-rotation", "{}"), 400, "INVALID_REQUEST");
        assertProblem(
                admin.post("/webhooks/no-such-hook/secret-rotation", """
                {"secret": "%s"}""".formatted(secret)),
                404,
                "UNKNOWN_SUBSCRIPTION");
        assertProblem(admin.get("/webhooks?limit=0"), 400, "INVALID_REQUEST");
        assertProblem(admin.get("/webhooks?after=!!!"), 400, "MALFORMED_REQUEST");
        assertProblem(admin.get("/webhooks/" + id + "/deliveries?limit=5000"), 400, "INVALID_REQUEST");
        assertProblem(admin.get("/webhooks/no-such-hook/deliveries"), 404, "UNKNOWN_SUBSCRIPTION");
        assertProblem(admin.send("DELETE", "/webhooks/no-such-hook", null, null), 404, "UNKNOWN_SUBSCRIPTION");
        assertThat(admin.get("/webhooks?limit=1000").body().findValuesAsText("subscriptionId"))
                .as("a refused subscription is not half made")
                .doesNotContain(id + "-2");

        assertProblem(admin.post("/api-clients", """
                {"clientId": "x-%s", "name": "X", "operations": ["tickets:fly"]}""".formatted(id)), 400, "MALFORMED_REQUEST");
        assertProblem(admin.post("/api-clients", """
                {"clientId": "x-%s", "name": "X", "operations": []}""".formatted(id)), 400, "INVALID_REQUEST");
        assertProblem(
                admin.post("/api-clients/nobody-" + id + "/revocation", "{\"reason\": \"x\"}"), 404, "UNKNOWN_CLIENT");
        assertProblem(
                admin.post("/api-clients/nobody-" + id + "/rotation", "{\"overlapSeconds\": -1}"),
                400,
                "INVALID_REQUEST");
        assertProblem(admin.get("/access-refusals?since=yesterday"), 400, "MALFORMED_REQUEST");
        assertProblem(admin.get("/access-refusals?after=!!!"), 400, "MALFORMED_REQUEST");
    }

    // --- 404: unknown ticket, job or person

    @Test
    void anUnknownTicketIsNotFound() {
        assertProblem(api.get("/tickets/no-such-ticket"), 404, "UNKNOWN_TICKET");
        assertProblem(scenario.request("no-such-ticket", scenario.requester), 404, "UNKNOWN_TICKET");
    }

    @Test
    void anIdOfAnotherKindIsNotFoundEither() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        assertProblem(scenario.request(CHANGE_ITEMS, scenario.requester), 404, "UNKNOWN_TICKET");
        assertProblem(scenario.request(scenario.librarian, scenario.requester), 404, "UNKNOWN_TICKET");
        assertProblem(api.put("/staff/" + CHANGE_ITEMS, """
                {"unit": "ITS", "roles": ["STAFF"], "performedBy": "admin"}"""), 404, "UNKNOWN_STAFF");
        assertProblem(
                api.post("/jobs/" + ticket + "/retirement", """
                {"reason": "x", "performedBy": "%s"}""".formatted(scenario.librarian)), 404, "UNKNOWN_JOB");
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertProblem(api.post("/tickets", """
                {"jobId": "make-coffee", "performedBy": "%s"}""".formatted(scenario.requester)), 404, "UNKNOWN_JOB");
        assertProblem(api.get("/jobs/make-coffee"), 404, "UNKNOWN_JOB");
        assertProblem(api.post("/jobs/make-coffee/retirement", """
                {"reason": "x", "performedBy": "%s"}""".formatted(scenario.librarian)), 404, "UNKNOWN_JOB");
    }

    @Test
    void anUnknownPersonIsNotFound() {
        assertProblem(api.get("/staff/nobody"), 404, "UNKNOWN_STAFF");
        assertProblem(api.put("/staff/nobody", """
                {"unit": "ITS", "roles": ["STAFF"], "performedBy": "admin"}"""), 404, "UNKNOWN_STAFF");
    }

    // --- 403: who may take the step

    @Test
    void aPerformerTheDirectoryDoesNotKnowIsForbidden() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        assertProblem(scenario.confirmReading(ticket, "mallory", "jobs-overview"), 403, "UNKNOWN_PERFORMER");
        assertNothingWritten(ticket, 1);
    }

    @Test
    void theWrongPersonForAStepIsForbidden() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        assertProblem(scenario.confirmReading(ticket, scenario.colleague, "jobs-overview"), 403, "NOT_THE_REQUESTER");
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS);
        accepted(scenario.request(ticket, scenario.requester));
        assertProblem(scenario.grantSandbox(ticket, scenario.colleague), 403, "ROLE_REQUIRED");
        assertNothingWritten(ticket, 5);
    }

    @Test
    void onlyTheLiaisonOfTheRequestersUnitSubmitsTheRoleRequest() {
        String ticket = scenario.ticketAwaitingReview();
        accepted(scenario.approve(ticket, scenario.librarian, true));
        assertProblem(scenario.submitRoleRequest(ticket, scenario.otherLiaison), 403, "NOT_LIAISON_OF_UNIT");
        assertProblem(scenario.confirmRoleUpdate(ticket, scenario.librarian), 403, "ROLE_REQUIRED");
        assertNothingWritten(ticket, 8);
    }

    @Test
    void onlyAnAdministratorRegistersPeople() {
        assertProblem(api.post("/staff", """
                {"staffId": "someone-new", "displayName": "X", "unit": "ITS", "roles": ["STAFF"],
                 "performedBy": "%s"}""".formatted(scenario.librarian)), 403, "ROLE_REQUIRED");
        assertProblem(api.get("/staff/someone-new"), 404, "UNKNOWN_STAFF");
    }

    // --- 409: out of order, repeated, duplicate

    @Test
    void aStepOutOfOrderIsAConflict() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        assertProblem(scenario.grantSandbox(ticket, scenario.librarian), 409, "STEP_OUT_OF_ORDER");
        assertProblem(scenario.approve(ticket, scenario.librarian, false), 409, "STEP_OUT_OF_ORDER");
        assertNothingWritten(ticket, 1);
    }

    @Test
    void aRepeatedStepIsAConflict() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        accepted(scenario.confirmReading(ticket, scenario.requester, "jobs-overview"));
        assertProblem(scenario.confirmReading(ticket, scenario.requester, "jobs-overview"), 409, "ALREADY_CONFIRMED");
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS.subList(1, 3));
        accepted(scenario.request(ticket, scenario.requester));
        assertProblem(scenario.request(ticket, scenario.requester), 409, "STEP_OUT_OF_ORDER");
        assertNothingWritten(ticket, 5);
    }

    @Test
    void aSecondOpenTicketForTheSameJobIsAConflict() {
        String first = scenario.open(scenario.requester, CHANGE_ITEMS);
        Response second = api.post("/tickets", """
                {"jobId": "%s", "performedBy": "%s"}""".formatted(CHANGE_ITEMS, scenario.requester));
        assertProblem(second, 409, "TICKET_ALREADY_OPEN");
        assertThat(second.body().get("detail").asText()).contains(first);
    }

    @Test
    void registeringAJobTwiceIsAConflict() {
        assertProblem(api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Again",
                 "requiredReadings": [], "variants": [], "signOffPerVariant": false,
                 "roleUpdateUsuallyNeeded": false}}""".formatted(CHANGE_ITEMS, scenario.librarian)), 409, "ALREADY_EXISTS");
        assertThat(api.get("/jobs/" + CHANGE_ITEMS).body().get("name").asText()).isEqualTo("Change physical items");
    }

    // --- 422: against a rule

    @Test
    void requestingBeforeReadingEverythingBreaksARule() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        accepted(scenario.confirmReading(ticket, scenario.requester, "jobs-overview"));
        Response response = scenario.request(ticket, scenario.requester);
        assertProblem(response, 422, "READINGS_NOT_CONFIRMED");
        assertThat(response.body().get("detail").asText()).contains("required-readings", "change-physical-items-doc");
        assertNothingWritten(ticket, 2);
    }

    @Test
    void reviewingYourOwnTestBreaksARule() {
        String ticket = scenario.open(scenario.librarianWhoAsks, CHANGE_ITEMS);
        CHANGE_ITEMS_READINGS.forEach(d -> accepted(scenario.confirmReading(ticket, scenario.librarianWhoAsks, d)));
        accepted(scenario.request(ticket, scenario.librarianWhoAsks));
        accepted(scenario.grantSandbox(ticket, scenario.librarian));
        accepted(scenario.reportTest(ticket, scenario.librarianWhoAsks));
        assertProblem(scenario.approve(ticket, scenario.librarianWhoAsks, false), 422, "SELF_REVIEW");
        assertNothingWritten(ticket, 7);
    }

    @Test
    void confirmingADocumentTheJobDoesNotRequireBreaksARule() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        assertProblem(
                scenario.confirmReading(ticket, scenario.requester, "cooking-for-cataloguers"), 422, "UNKNOWN_READING");
    }

    // --- helpers

    private String ticketAwaitingTest() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS);
        accepted(scenario.request(ticket, scenario.requester));
        accepted(scenario.grantSandbox(ticket, scenario.librarian));
        return ticket;
    }

    private static String jsonList(int size, IntFunction<String> element) {
        return IntStream.range(0, size).mapToObj(element).collect(Collectors.joining("\", \"", "[\"", "\"]"));
    }

    private static void assertProblem(Response response, int status, String code) {
        Problems.assertProblem(response, status, code);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().toString()).doesNotContain("Exception", "\tat ", "org.signoff", "java.");
    }

    /**
     * The refused commands appended nothing: the ticket's stream in the event store holds the accepted steps only
     * (each step that starts a wait is followed by the note of its deadlines, which is counted with it).
     */
    private static void assertNothingWritten(String ticket, int acceptedSteps) {
        long stored = RunningService.shared()
                .bean(EventStore.class)
                .readEvents(ticket)
                .asStream()
                .filter(event -> !(event.getPayload() instanceof DeadlinesScheduled))
                .count();
        assertThat(stored).as("steps stored for ticket %s", ticket).isEqualTo(acceptedSteps);
    }
}
