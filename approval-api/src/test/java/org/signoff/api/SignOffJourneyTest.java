package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS_READINGS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/** The journeys of a sign-off ticket, end to end over HTTP against the service on its H2 file store. */
class SignOffJourneyTest {

    private Scenario scenario;
    private Api api;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(RunningService.shared().api());
        api = scenario.api;
    }

    @Test
    void staffMemberGoesThroughAllSixStepsAndJoinsTheMasterList() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS);
        assertThat(accepted(scenario.request(ticket, scenario.requester))
                        .get("status")
                        .asText())
                .isEqualTo("AWAITING_SANDBOX_GRANT");
        assertThat(accepted(scenario.grantSandbox(ticket, scenario.librarian))
                        .get("status")
                        .asText())
                .isEqualTo("AWAITING_TEST");
        assertThat(accepted(scenario.reportTest(ticket, scenario.requester))
                        .get("status")
                        .asText())
                .isEqualTo("AWAITING_REVIEW");
        JsonNode approved = accepted(scenario.approve(ticket, scenario.librarian, true));
        assertThat(approved.get("status").asText()).isEqualTo("AWAITING_ROLE_REQUEST");
        assertThat(approved.get("step").asInt()).isEqualTo(6);

        JsonNode pending = scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
        assertThat(pending.get("rolePending").asBoolean()).isTrue();
        assertThat(pending.get("displayName").asText()).isEqualTo("Amy Dittman");
        assertThat(pending.get("unit").asText()).isEqualTo(scenario.unit);
        assertThat(pending.get("approvedBy").asText()).isEqualTo(scenario.librarian);

        assertThat(accepted(scenario.submitRoleRequest(ticket, scenario.liaison))
                        .get("status")
                        .asText())
                .isEqualTo("AWAITING_ROLE_UPDATE");
        assertThat(accepted(scenario.confirmRoleUpdate(ticket, scenario.support))
                        .get("status")
                        .asText())
                .isEqualTo("COMPLETED");

        JsonNode view = scenario.awaitTicket(ticket, "COMPLETED");
        assertThat(view.at("/ticket/supportTicketRef").asText()).isEqualTo("LTS-" + ticket);
        assertThat(events(view))
                .containsExactly(
                        "SignOffStarted",
                        "ReadingConfirmed",
                        "ReadingConfirmed",
                        "ReadingConfirmed",
                        "JobAccessRequested",
                        "SandboxAccessGranted",
                        "SandboxTestReported",
                        "ProductionUseApproved",
                        "RoleRequestSubmitted",
                        "ProductionRoleUpdated");
        JsonNode testReport = steps(view).get(6);
        assertThat(testReport.get("performedBy").asText()).isEqualTo(scenario.requester);
        assertThat(testReport.at("/details/evidence/jobInstanceRef").asText()).isEqualTo("job-88123");
        assertThat(testReport.at("/details/evidence/recordsProcessed").asInt()).isEqualTo(40);
        assertThat(testReport.get("at").asText()).isNotBlank();
        assertThat(steps(view).get(8).get("performedBy").asText()).isEqualTo(scenario.liaison);
        assertThat(deadlines(view))
                .as("every wait has its deadlines on record, as configured by default")
                .extracting(entry -> entry.at("/details/waitingOn").asText())
                .containsExactly(
                        "READING",
                        "AWAITING_SANDBOX_GRANT",
                        "AWAITING_TEST",
                        "AWAITING_REVIEW",
                        "AWAITING_ROLE_REQUEST",
                        "AWAITING_ROLE_UPDATE");
        JsonNode testWait = deadlines(view).get(2);
        assertThat(Duration.between(
                        Instant.parse(testWait.at("/details/since").asText()),
                        Instant.parse(testWait.at("/details/remindAt").asText())))
                .as("no Sandbox test within 14 days gets a reminder")
                .isEqualTo(Duration.ofDays(14));
        assertThat(testWait.path("performedBy").textValue())
                .as("the engine set them")
                .isNull();

        JsonNode done = scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
        api.await(
                "/master-list",
                body -> !Scenario.entries(body, "Items", CHANGE_ITEMS, scenario.requester)
                        .get(0)
                        .get("rolePending")
                        .asBoolean());
        assertThat(done.get("ticketId").asText()).isEqualTo(ticket);
    }

    @Test
    void approvalWithoutRoleUpdateCompletesAtReview() {
        String ticket = scenario.ticketAwaitingReview();
        assertThat(accepted(scenario.approve(ticket, scenario.librarian, false))
                        .get("status")
                        .asText())
                .isEqualTo("COMPLETED");
        JsonNode entry = scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
        assertThat(entry.get("rolePending").asBoolean()).isFalse();
    }

    @Test
    void reviewerSendsTheTestBackUntilItIsRight() {
        String ticket = scenario.ticketAwaitingReview();
        assertThat(accepted(scenario.requestRetest(ticket, scenario.librarian))
                        .get("status")
                        .asText())
                .isEqualTo("AWAITING_TEST");
        accepted(scenario.reportTest(ticket, scenario.requester));
        accepted(scenario.requestRetest(ticket, scenario.librarian));
        accepted(scenario.reportTest(ticket, scenario.requester));
        accepted(scenario.approve(ticket, scenario.librarian, false));

        JsonNode view = scenario.awaitTicket(ticket, "COMPLETED");
        assertThat(events(view).subList(6, events(view).size()))
                .containsExactly(
                        "SandboxTestReported",
                        "RetestRequested",
                        "SandboxTestReported",
                        "RetestRequested",
                        "SandboxTestReported",
                        "ProductionUseApproved");
        assertThat(steps(view).get(7).at("/details/reason").asText()).isEqualTo("run it on a set of 10 items");
    }

    @Test
    void aDeniedTicketEndsAndTheStaffMemberMayAskAgain() {
        String ticket = scenario.ticketAwaitingReview();
        assertThat(accepted(scenario.deny(ticket, scenario.librarian))
                        .get("status")
                        .asText())
                .isEqualTo("DENIED");
        assertThat(scenario.reportTest(ticket, scenario.requester).status()).isEqualTo(409);
        assertThat(scenario.awaitTicket(ticket, "DENIED").at("/ticket/step").asInt())
                .isEqualTo(5);

        String again = scenario.open(scenario.requester, CHANGE_ITEMS);
        assertThat(again).isNotEqualTo(ticket);
    }

    @Test
    void aWithdrawnTicketEndsAndFreesTheJobForANewTicket() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS);
        accepted(scenario.request(ticket, scenario.requester));
        assertThat(accepted(scenario.withdraw(ticket, scenario.requester))
                        .get("status")
                        .asText())
                .isEqualTo("WITHDRAWN");
        assertThat(scenario.grantSandbox(ticket, scenario.librarian).code()).isEqualTo("STEP_OUT_OF_ORDER");
        scenario.open(scenario.requester, CHANGE_ITEMS);
    }

    @Test
    void revokingProductionUseTakesThePersonOffTheMasterList() {
        String ticket = scenario.ticketAwaitingReview();
        accepted(scenario.approve(ticket, scenario.librarian, false));
        scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);

        assertThat(accepted(scenario.revoke(ticket, scenario.librarian))
                        .get("status")
                        .asText())
                .isEqualTo("REVOKED");
        scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 0);
        assertThat(events(scenario.awaitTicket(ticket, "REVOKED"))).endsWith("ProductionUseRevoked");
    }

    @Test
    void workQueuesListTicketsByStep() {
        String inReview = scenario.ticketAwaitingReview();
        String reading = scenario.open(scenario.colleague, CHANGE_ITEMS);

        api.await("/tickets?status=AWAITING_REVIEW", body -> ids(body).contains(inReview));
        JsonNode readingQueue =
                api.await("/tickets?status=READING", body -> ids(body).contains(reading));
        assertThat(ids(readingQueue)).doesNotContain(inReview);
        api.await("/tickets", body -> ids(body).containsAll(List.of(inReview, reading)));
        JsonNode stepFive = api.await("/tickets?step=5", body -> ids(body).contains(inReview));
        assertThat(ids(stepFive)).doesNotContain(reading);
    }

    @Test
    void aTicketIsFoundByItsSupportTicketWhichBelongsToOneOpenTicketAtATime() {
        String ref = "LTS-" + scenario.unit;
        String first = scenario.open(scenario.requester, CHANGE_ITEMS);
        scenario.readAll(first, CHANGE_ITEMS_READINGS);
        accepted(api.post("/tickets/" + first + "/request", """
                {"supportTicketRef": "%s", "performedBy": "%s"}""".formatted(ref, scenario.requester)));
        JsonNode found = api.await("/tickets/by-support-ticket?ref=" + ref, body -> true);
        assertThat(found.at("/ticket/ticketId").asText()).isEqualTo(first);
        assertThat(ids(api.get("/tickets?supportTicketRef=" + ref).body())).containsExactly(first);

        String second = scenario.open(scenario.colleague, CHANGE_ITEMS);
        CHANGE_ITEMS_READINGS.forEach(d -> accepted(scenario.confirmReading(second, scenario.colleague, d)));
        String request = """
                {"supportTicketRef": "%s", "performedBy": "%s"}""".formatted(ref, scenario.colleague);
        assertThat(api.post("/tickets/" + second + "/request", request).code()).isEqualTo("SUPPORT_TICKET_REF_IN_USE");

        accepted(scenario.grantSandbox(first, scenario.librarian));
        accepted(scenario.reportTest(first, scenario.requester));
        accepted(scenario.approve(first, scenario.librarian, false)); // completed: the support ticket is closed
        accepted(api.post("/tickets/" + second + "/request", request));
        api.await(
                "/tickets/by-support-ticket?ref=" + ref,
                body -> body.at("/ticket/ticketId").asText().equals(second));
        assertThat(api.get("/tickets/by-support-ticket?ref=NO-SUCH").code()).isEqualTo("UNKNOWN_TICKET");
    }

    @Test
    void aJobSignedOffPerVariantListsPeopleUnderTheirVariant() {
        String jobId = "normalization-" + scenario.unit.toLowerCase();
        Response registered = api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {
                  "scope": "Bib changes", "name": "Bib normalization - choose a rule",
                  "requiredReadings": [{"documentId": "normalization-doc", "title": "Rules", "version": "2"}],
                  "variants": ["set 830 indicator", "strip 9xx"], "signOffPerVariant": true,
                  "roleUpdateUsuallyNeeded": false}}""".formatted(jobId, scenario.librarian));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        assertThat(registered.location()).isEqualTo("/jobs/" + jobId);

        assertThat(api.post("/tickets", """
                {"jobId": "%s", "performedBy": "%s"}""".formatted(jobId, scenario.requester))
                        .code())
                .isEqualTo("VARIANT_REQUIRED");
        String ticket = scenario.openOnVariant(scenario.requester, jobId, "strip 9xx");
        accepted(api.post("/tickets/" + ticket + "/readings", """
                {"documentId": "normalization-doc", "version": "2", "performedBy": "%s"}""".formatted(scenario.requester)));
        accepted(scenario.request(ticket, scenario.requester));
        accepted(scenario.grantSandbox(ticket, scenario.librarian));
        accepted(scenario.reportTest(ticket, scenario.requester));
        accepted(scenario.approve(ticket, scenario.librarian, false));

        JsonNode masterList = api.await(
                "/master-list", body -> variantStaff(body, jobId, "strip 9xx").size() == 1);
        assertThat(variantStaff(masterList, jobId, "set 830 indicator")).isEmpty();
        assertThat(variantStaff(masterList, jobId, "strip 9xx")
                        .get(0)
                        .get("staffId")
                        .asText())
                .isEqualTo(scenario.requester);
    }

    @Test
    void theCatalogChangesAndRetiresJobs() {
        String jobId = "withdrawals-" + scenario.unit.toLowerCase();
        String definition = """
                {"scope": "Items", "name": "Batch item withdrawals", "notes": "%s",
                 "requiredReadings": [{"documentId": "withdrawals-doc", "title": "Withdrawals", "version": "%s"}],
                 "variants": [], "signOffPerVariant": false, "roleUpdateUsuallyNeeded": true}""";
        assertThat(api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": %s}""".formatted(jobId, scenario.librarian, definition.formatted("", "1")))
                        .status())
                .isEqualTo(201);
        String ticket = scenario.open(scenario.requester, jobId);

        assertThat(api.put("/jobs/" + jobId, """
                {"performedBy": "%s", "definition": %s}""".formatted(
                                        scenario.librarian, definition.formatted("mind the input file", "2")))
                        .status())
                .isEqualTo(204);
        JsonNode changed =
                api.await("/jobs/" + jobId, body -> body.get("notes").asText().equals("mind the input file"));
        assertThat(changed.at("/requiredReadings/0/version").asText()).isEqualTo("2");
        assertThat(scenario.confirmReading(ticket, scenario.requester, "withdrawals-doc")
                        .code())
                .as("version 1 is no longer current")
                .isEqualTo("OUTDATED_READING_VERSION");

        assertThat(api.post("/jobs/" + jobId + "/retirement", """
                {"reason": "replaced by a new job", "performedBy": "%s"}""".formatted(scenario.librarian))
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/tickets", """
                {"jobId": "%s", "performedBy": "%s"}""".formatted(jobId, scenario.colleague))
                        .code())
                .isEqualTo("JOB_RETIRED");
        api.await(
                "/jobs?includeRetired=true",
                body -> jobIds(body).contains(jobId)
                        && body.findValues("retired").stream().anyMatch(JsonNode::asBoolean));
        assertThat(jobIds(api.get("/jobs").body())).doesNotContain(jobId).contains(CHANGE_ITEMS);
    }

    @Test
    void theSeedCatalogHoldsTheMasterListsJobsByScope() {
        JsonNode jobs = api.get("/jobs").body();
        assertThat(jobIds(jobs))
                .contains(
                        "change-physical-items",
                        "batch-create-work-orders",
                        "import-hua-profiles",
                        "bib-hvd-normalization",
                        "holdings-cancel-print-subscription",
                        "po-lines-update-transactions");
        JsonNode masterList = api.get("/master-list").body();
        List<String> scopes = new ArrayList<>();
        masterList.get("scopes").forEach(scope -> scopes.add(scope.get("scope").asText()));
        assertThat(scopes)
                .containsSubsequence(
                        "Items", "Work orders", "Import profiles", "Bib changes", "Holding changes", "PO lines");
        JsonNode staff = api.await("/staff/" + scenario.requester, body -> true);
        assertThat(staff.get("displayName").asText()).isEqualTo("Amy Dittman");
        assertThat(staff.get("roles").get(0).asText()).isEqualTo("STAFF");
    }

    // --- reading the answers

    /** The steps in a ticket's history, without the engine's notes of each wait's deadlines. */
    private static List<String> events(JsonNode ticketView) {
        List<String> events = new ArrayList<>();
        steps(ticketView).forEach(entry -> events.add(entry.get("event").asText()));
        return events;
    }

    private static List<JsonNode> steps(JsonNode ticketView) {
        return Scenario.steps(ticketView);
    }

    /** The deadline notes: the status each wait was on, and when its reminder was due. */
    private static List<JsonNode> deadlines(JsonNode ticketView) {
        List<JsonNode> steps = steps(ticketView);
        List<JsonNode> deadlines = new ArrayList<>();
        ticketView.get("history").forEach(entry -> {
            if (!steps.contains(entry)) {
                deadlines.add(entry);
            }
        });
        return deadlines;
    }

    private static List<String> ids(JsonNode tickets) {
        List<String> ids = new ArrayList<>();
        tickets.forEach(ticket -> ids.add(ticket.get("ticketId").asText()));
        return ids;
    }

    private static List<String> jobIds(JsonNode jobs) {
        List<String> ids = new ArrayList<>();
        jobs.forEach(job -> ids.add(job.get("jobId").asText()));
        return ids;
    }

    private static List<JsonNode> variantStaff(JsonNode masterList, String jobId, String variant) {
        List<JsonNode> found = new ArrayList<>();
        masterList
                .findValues("jobs")
                .forEach(jobs -> jobs.forEach(job -> {
                    if (job.get("jobId").asText().equals(jobId)) {
                        job.get("variants").forEach(v -> {
                            if (v.get("variant").asText().equals(variant)) {
                                v.get("staff").forEach(found::add);
                            }
                        });
                    }
                }));
        return found;
    }
}
