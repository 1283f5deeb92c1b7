package org.signoff.api.consortium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS_READINGS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.signoff.api.security.EndpointRules;
import org.signoff.api.security.EndpointRules.Rule;
import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Members;
import org.signoff.api.testkit.ReadModels;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RetireJob;
import org.signoff.common.CommandRejected;
import org.signoff.common.MessageMetaData;
import org.signoff.common.Rejection;
import org.signoff.staff.api.StaffId;

/**
 * The walls between institutions, from the outside: ten institutions on one engine (the default one and nine
 * members), each with a signed-off ticket, people, jobs, a client and a webhook, several with the same ids. For every
 * endpoint of the API, each institution's administrator and integration aim at another member's ids, lists, filters
 * and imports: each answer is the one a never-existing id gets, no answer holds anything of the other member, and
 * nothing of it changes. Here on the shared service over H2; {@link InstitutionIsolationOnPostgresTest} runs the same
 * on several nodes over PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstitutionIsolationTest {

    private static final int MEMBERS = 9;

    /** One institution as the test built it: its callers, and what only it has. */
    record Institution(
            String code, Api admin, Scenario people, String ticket, String onlyJob, String client, String hook) {

        /** Written only into this institution: its jobs' names, its classes' titles, a person's display name. */
        String marker() {
            return "SECRET-" + code;
        }
    }

    Api defaultAdmin;
    final List<Institution> members = new ArrayList<>();

    /** The engine the institutions live in, started if it is not running: its first administrator. */
    Api engine() {
        return RunningService.shared().api();
    }

    /** The command bus of one of the engine's nodes. */
    CommandGateway commandBus() {
        return RunningService.shared().bean(CommandGateway.class);
    }

    @BeforeAll
    void tenInstitutions() {
        defaultAdmin = engine();
        Api consortium = Members.consortiumAdministrator(defaultAdmin);
        for (int i = 1; i <= MEMBERS; i++) {
            String code = "ISO" + ProcessHandle.current().pid() + "-" + i;
            Api admin = Members.register(consortium, code, "Member " + i);
            members.add(populated(code, admin));
        }
    }

    /** A member with a ticket signed off, a job of its own, a person, a client and a webhook, the shared ids too. */
    private static Institution populated(String code, Api admin) {
        String marker = "SECRET-" + code;
        Members.catalogLikeTheSeed(admin, marker);
        String onlyJob = "only-" + code.toLowerCase();
        assertThat(admin.post("/jobs", """
                        {"jobId": "%s", "performedBy": "admin", "definition": {"scope": "Items",
                         "name": "Job of %s", "requiredReadings": []}}""".formatted(onlyJob, marker)).status()).isEqualTo(201);
        // the same person id in every member: each is its own institution's
        assertThat(admin.post("/staff", """
                        {"staffId": "zelda", "displayName": "Zelda %s", "unit": "LTS", "roles": ["STAFF"],
                         "liaisonUnits": [], "performedBy": "admin"}""".formatted(marker)).status()).isEqualTo(201);
        Scenario people = new Scenario(admin);
        String ticket = people.open(people.requester, CHANGE_ITEMS);
        people.readAll(ticket, CHANGE_ITEMS_READINGS);
        // the same support ticket reference in every member: unique within each
        Scenario.accepted(people.api.post("/tickets/" + ticket + "/request", """
                {"supportTicketRef": "INC-0001", "note": "for %s", "performedBy": "%s"}""".formatted(marker, people.requester)));
        Scenario.accepted(people.grantSandbox(ticket, people.librarian));
        Scenario.accepted(people.reportTest(ticket, people.requester));
        Scenario.accepted(people.approve(ticket, people.librarian, false));
        String hook = "hook-" + code.toLowerCase();
        assertThat(admin.post("/webhooks", """
                        {"subscriptionId": "%s", "url": "http://127.0.0.1:9/hook",
                         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""".formatted(hook)).status()).isEqualTo(201);
        return new Institution(code, admin, people, ticket, onlyJob, people.integrationClient(), hook);
    }

    @Test
    void everyEndpointOfOneInstitutionAnswersAnotherMembersIdsAsIfTheyDidNotExist() {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i <= MEMBERS; i++) {
            Institution target = members.get(i % MEMBERS);
            Map<String, Api> callers = new LinkedHashMap<>();
            if (i == MEMBERS) {
                callers.put("the default institution's administrator", defaultAdmin);
            } else {
                Institution caller = members.get(i);
                target = members.get((i + 1) % MEMBERS);
                callers.put(caller.code() + "'s administrator", caller.admin());
                if (i < 3) { // an integration's grant is an administrator's but for managing clients: three suffice
                    callers.put(caller.code() + "'s integration", caller.people().api);
                }
            }
            // what the target holds is read once all written so far is in the read models (from every node)
            ReadModels.awaitCaughtUp(defaultAdmin);
            Map<String, String> before = snapshot(target);
            // the endpoints of one thing first: a list's write further down makes the caller a thing of its own
            // with the target's id (its own job of that id, say), which then is found, rightly
            for (boolean ofOneThing : List.of(true, false)) {
                for (Map.Entry<String, Api> caller : callers.entrySet()) {
                    for (Rule rule : EndpointRules.RULES) {
                        if (rule.pattern().contains("*") == ofOneThing) {
                            aimAt(wrong, caller.getKey(), caller.getValue(), rule, target);
                        }
                    }
                }
            }
            ReadModels.awaitCaughtUp(defaultAdmin); // had anything been written in the target, it shows now
            assertThat(snapshot(target))
                    .as("what %s holds, after the others aimed at it", target.code())
                    .isEqualTo(before);
        }
        assertThat(wrong).as("answers that told of another institution").isEmpty();
    }

    /**
     * One endpoint, aimed at the target's ids and then at ids nobody has: the same status and code both times,
     * and neither answer names anything only the target has.
     */
    private static void aimAt(List<String> wrong, String who, Api caller, Rule rule, Institution target) {
        Response atTarget = call(caller, rule, target, false);
        String endpoint = rule.method() + " " + rule.pattern() + " by " + who + " at " + target.code();
        if (rule.pattern().contains("*")) {
            Response atNobody = call(caller, rule, target, true);
            if (atTarget.status() != atNobody.status() || !same(atTarget.code(), atNobody.code())) {
                wrong.add(endpoint + ": " + atTarget.status() + " " + atTarget.code() + " against " + atNobody.status()
                        + " " + atNobody.code() + " for an id nobody has");
            }
        }
        // as text: an answer of several JSON documents (the ledger's JSON Lines) is read whole
        String answer = rule.method().name().equals("GET")
                ? caller.getText(withFilters(
                        rule.pattern().replace("*", idOf(rule.pattern(), target, false)), target, false))
                : String.valueOf(atTarget.body());
        // the default institution holds the consortium's registry, so the member's code is in its own history
        boolean codeIsKnown = who.startsWith("the default institution");
        if (answer.contains(target.marker()) || (!codeIsKnown && answer.contains(target.code()))) {
            wrong.add(endpoint + " answered with what only " + target.code() + " has: " + answer);
        }
        if (atTarget.status() >= 500) {
            wrong.add(endpoint + ": " + atTarget.status() + " " + answer);
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** What stands in for {@code *}: the target's ticket, person, client, webhook or job (or one nobody has). */
    private static String idOf(String pattern, Institution target, boolean nobody) {
        if (pattern.startsWith("/tickets")) {
            return nobody ? "0190f3c2-0000-7000-8000-000000000000" : target.ticket();
        } else if (pattern.startsWith("/staff")) {
            return nobody ? "nobody-at-all" : target.people().requester;
        } else if (pattern.startsWith("/api-clients")) {
            return nobody ? "no-such-client" : target.client();
        } else if (pattern.startsWith("/webhooks")) {
            return nobody ? "no-such-hook" : target.hook();
        }
        return nobody ? "no-such-job" : target.onlyJob();
    }

    /** The endpoint with the target's ids in its path, its parameters and its body (or ids nobody has). */
    private static Response call(Api api, Rule rule, Institution target, boolean nobody) {
        String person = idOf("/staff", target, nobody);
        String job = idOf("/jobs", target, nobody);
        String client = idOf("/api-clients", target, nobody);
        String pattern = rule.pattern();
        String path = pattern.replace("*", idOf(pattern, target, nobody));
        if (pattern.equals("/attendance-imports")) {
            return api.send("POST", path + "?performedBy=admin", "text/csv", """
                    staff_id,class,attended_on
                    %s,holdings-and-items,2026-03-04
                    """.formatted(person));
        }
        if (pattern.equals("/master-list/imports")) {
            return api.send("POST", path + "?performedBy=admin", "text/csv", """
                    scope,job_id,staff_id,person
                    Items,%s,%s,Someone
                    """.formatted(job, person));
        }
        return switch (rule.method().name()) {
            case "GET" -> api.get(withFilters(path, target, nobody));
            case "PUT" -> api.put(path, body(job, person, client));
            case "DELETE" -> api.send("DELETE", path, null, null);
            default -> api.post(path, body(job, person, client));
        };
    }

    /** The lists' filters, naming the target's job and person. */
    private static String withFilters(String path, Institution target, boolean nobody) {
        String job = idOf("/jobs", target, nobody);
        String person = idOf("/staff", target, nobody);
        return switch (path) {
            case "/master-list", "/recertifications", "/statistics" -> path + "?jobId=" + job;
            case "/work-queue" -> path + "?staffId=" + person;
            case "/tickets/by-support-ticket" -> path + "?ref=INC-0001";
            case "/tickets" -> path + "?supportTicketRef=INC-0001";
            default -> path;
        };
    }

    /** One body every write endpoint accepts (unknown fields are ignored), naming the target's ids. */
    private static String body(String job, String person, String client) {
        return """
                {"jobId": "%s", "documentId": "jobs-overview", "version": "1", "supportTicketRef": "INC-0001",
                 "trainingMaterials": [], "jobInstanceRef": "job-1", "recordsProcessed": 1, "outcome": "SUCCEEDED",
                 "reason": "isolation", "formRef": "FORM-1", "staffId": "%s", "displayName": "Someone",
                 "unit": "LTS", "roles": ["STAFF"], "clientId": "%s", "name": "Isolation",
                 "operations": ["tickets:read"], "subscriptionId": "hook", "url": "http://127.0.0.1:9/hook",
                 "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "jobs": ["%s"],
                 "definition": {"scope": "Items", "name": "Isolation job", "requiredReadings": []},
                 "classId": "holdings-and-items", "title": "Isolation", "functionalArea": "Isolation",
                 "classIds": ["holdings-and-items"], "attendedOn": "2026-03-04", "roleUpdateNeeded": false,
                 "performedBy": "admin"}""".formatted(job, person, client, job);
    }

    @Test
    void aCommandNamingAnotherInstitutionsIdIsRefusedOnTheCommandBusHadAnEdgeForgottenToKeyIt() {
        Institution member = members.get(0);
        CommandGateway bus = commandBus();

        // the default institution's job, by its key, in a command sent within the member
        assertThatThrownBy(() -> bus.sendAndWait(GenericCommandMessage.asCommandMessage(new RetireJob(
                                JobId.of(CHANGE_ITEMS),
                                "an edge forgot to key it",
                                StaffId.of(member.code() + "/admin")))
                        .andMetaData(Map.of(MessageMetaData.INSTITUTION, member.code()))))
                .isInstanceOfSatisfying(
                        CommandRejected.class,
                        refused -> assertThat(refused.rejection()).isEqualTo(Rejection.UNKNOWN_INSTITUTION));
        assertThat(defaultAdmin
                        .get("/jobs/" + CHANGE_ITEMS)
                        .body()
                        .get("retired")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aMembersErasedPersonIsStillTheMembersAndNothingOfTheDefaultInstitutions() {
        Institution member = members.get(3);
        String leaving = member.people().colleague;
        Scenario.accepted(member.admin().post("/staff/" + leaving + "/departure", "{\"reason\": \"moved on\"}"));
        String erasedAs = Scenario.accepted(member.admin().post("/staff/" + leaving + "/erasure", "{}"))
                .get("erasedAs")
                .asText();

        assertThat(erasedAs).startsWith("erased-");
        member.admin()
                .await(
                        "/staff?limit=1000",
                        staff -> staff.findValuesAsText("staffId").contains(erasedAs));
        assertThat(member.admin().get("/staff/" + erasedAs + "/history").status())
                .isEqualTo(200);
        assertThat(defaultAdmin.get("/staff?limit=1000").body().findValuesAsText("staffId"))
                .doesNotContain(erasedAs);
        assertThat(defaultAdmin.get("/staff/" + erasedAs).status()).isEqualTo(404);
        assertThat(defaultAdmin.get("/staff/" + erasedAs + "/history").body().toString())
                .doesNotContain(member.code());
    }

    /** A new ticket of the person's, its readings confirmed, requested under the support ticket {@code ref}. */
    private static Response requested(Institution institution, String person, String ref) {
        Scenario people = institution.people();
        String ticket = people.open(person, CHANGE_ITEMS);
        CHANGE_ITEMS_READINGS.forEach(document -> Scenario.accepted(people.confirmReading(ticket, person, document)));
        return people.api.post("/tickets/" + ticket + "/request", """
                {"supportTicketRef": "%s", "note": "again", "performedBy": "%s"}""".formatted(ref, person));
    }

    /** What an institution holds, as its own administrator reads it. */
    static Map<String, String> snapshot(Institution institution) {
        return snapshot(institution, institution.admin());
    }

    /** What an institution holds, as its administrator reads it through {@code admin}. */
    static Map<String, String> snapshot(Institution institution, Api admin) {
        Map<String, String> held = new LinkedHashMap<>();
        for (String path : List.of(
                "/tickets/" + institution.ticket(),
                "/tickets?limit=1000",
                "/staff?limit=1000",
                "/staff/zelda/attendance",
                "/jobs?includeRetired=true&limit=1000",
                "/training-classes",
                "/master-list",
                "/api-clients?limit=1000",
                "/webhooks?limit=1000")) {
            Response response = admin.get(path);
            held.put(path, response.status() + " " + response.body());
        }
        return held;
    }

    @Test
    void aMemberNamesItsOwnThingsByItsOwnIdsAndItsRulesHoldWithinIt() {
        Institution member = members.get(0);
        Response ticket = member.admin().get("/tickets/" + member.ticket());
        assertThat(ticket.status()).isEqualTo(200);
        assertThat(ticket.body().at("/ticket/ticketId").asText()).isEqualTo(member.ticket());
        assertThat(ticket.body().at("/ticket/jobId").asText()).isEqualTo(CHANGE_ITEMS);
        assertThat(ticket.body().at("/ticket/staffId").asText()).isEqualTo(member.people().requester);
        assertThat(ticket.body().toString()).doesNotContain(member.code() + "/");

        Response opened = member.people().api.post("/tickets", """
                {"jobId": "%s", "performedBy": "zelda"}""".formatted(CHANGE_ITEMS));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        assertThat(opened.location()).startsWith("/tickets/").doesNotContain(member.code());

        // one open ticket per support ticket reference: within each member, never across them
        Institution other = members.get(1);
        Scenario.accepted(requested(other, other.people().colleague, "INC-0002"));
        Scenario.accepted(requested(member, member.people().colleague, "INC-0002"));
        Response taken = requested(member, member.people().librarianWhoAsks, "INC-0002");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("SUPPORT_TICKET_REF_IN_USE");
    }
}
