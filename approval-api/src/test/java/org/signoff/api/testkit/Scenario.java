package org.signoff.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.signoff.api.testkit.Api.Response;

/**
 * The people of one scenario, registered fresh through the API by the seeded administrator, and the steps they
 * take. Ids carry a suffix of their own, so scenarios sharing a service never meet.
 */
public final class Scenario {

    /** A job of the seed catalog, with three required readings at version 1. */
    public static final String CHANGE_ITEMS = "change-physical-items";

    public static final List<String> CHANGE_ITEMS_READINGS =
            List.of("jobs-overview", "required-readings", "change-physical-items-doc");

    /**
     * The seed's training classes every job requires, and the one Change physical items requires besides: the people
     * of a scenario who ask for jobs attended them, so a request is refused only where a test wants it to be.
     */
    public static final List<String> CHANGE_ITEMS_CLASSES =
            List.of("introduction-to-alma", "search-and-sets", "holdings-and-items");

    /** The seed's training classes every job requires, a job of a test's own too. */
    public static final List<String> CLASSES_OF_EVERY_JOB = CHANGE_ITEMS_CLASSES.subList(0, 2);

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** What an integration sees: a ticketing system acting for every person of the scenario. */
    public final Api api;
    /** The first administrator, with a key of their own. */
    public final Api admin;

    private final String integrationKey;
    public final String unit;
    public final String requester;
    public final String colleague;
    public final String librarian;
    public final String librarianWhoAsks;
    public final String liaison;
    public final String otherLiaison;
    public final String support;

    /** People registered, and an integration client made, by the first administrator calling {@code admin}. */
    public Scenario(Api admin) {
        this.admin = admin;
        String suffix = "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        unit = "ITS" + suffix;
        requester = person("amy" + suffix, "Amy Dittman", unit, "[\"STAFF\"]", "[]");
        colleague = person("daryl" + suffix, "Daryl Boone", unit, "[\"STAFF\"]", "[]");
        librarian = person("lib" + suffix, "Lara Librarian", "LTS", "[\"SYSTEMS_LIBRARIAN\"]", "[]");
        librarianWhoAsks = person("lib2" + suffix, "Sid Librarian", "LTS", "[\"STAFF\",\"SYSTEMS_LIBRARIAN\"]", "[]");
        liaison = person("liaison" + suffix, "Lee Liaison", unit, "[\"LIAISON\"]", "[\"" + unit + "\"]");
        otherLiaison = person("liaison-law" + suffix, "Lou Liaison", "LAW", "[\"LIAISON\"]", "[\"LAW\"]");
        support = person("support" + suffix, "Sam Support", "LTS", "[\"SUPPORT_TEAM\"]", "[]");
        for (String person : List.of(requester, colleague, librarianWhoAsks)) {
            attended(admin, person, CHANGE_ITEMS_CLASSES);
        }
        integrationKey = integrationKey(admin, "ticketing" + suffix);
        api = admin.withKey(integrationKey);
    }

    private Scenario(Scenario people, Api admin) {
        this.admin = admin;
        this.integrationKey = people.integrationKey;
        this.api = admin.withKey(integrationKey);
        unit = people.unit;
        requester = people.requester;
        colleague = people.colleague;
        librarian = people.librarian;
        librarianWhoAsks = people.librarianWhoAsks;
        liaison = people.liaison;
        otherLiaison = people.otherLiaison;
        support = people.support;
    }

    /** The id of the scenario's integration client. */
    public String integrationClient() {
        // a member's key begins with its institution's code: <code>:<client id>.<secret>
        return integrationKey.substring(integrationKey.indexOf(':') + 1, integrationKey.lastIndexOf('.'));
    }

    /** The same people and key, talking to another running service (e.g. after a restart) as {@code admin}. */
    public Scenario reconnect(Api admin) {
        return new Scenario(this, admin);
    }

    /** An integration client acting for anyone with every operation but managing clients: its key. */
    public static String integrationKey(Api admin, String clientId) {
        Response response = admin.post("/api-clients", """
                {"clientId": "%s", "name": "Ticketing", "actsForAnyone": true, "operations": ["tickets:read",
                 "tickets:write", "readings:write", "master-list:read", "jobs:read", "jobs:write", "staff:read",
                 "staff:write", "training:write", "metrics:read"]}""".formatted(clientId));
        assertThat(response.status())
                .as("registering client %s: %s", clientId, response.body())
                .isEqualTo(201);
        return response.body().get("key").asText();
    }

    /** The person attended these training classes (a day in the past), as an administrator records it. */
    public static void attended(Api admin, String staffId, List<String> classIds) {
        attended(admin, staffId, classIds, "2026-03-04");
    }

    /** The person attended these training classes on that day, as an administrator records it. */
    public static void attended(Api admin, String staffId, List<String> classIds, String day) {
        for (String classId : classIds) {
            Response response = admin.post("/staff/" + staffId + "/attendance", """
                    {"classId": "%s", "attendedOn": "%s", "performedBy": "admin"}""".formatted(classId, day));
            assertThat(response.status())
                    .as("%s attending %s: %s", staffId, classId, response.body())
                    .isEqualTo(201);
        }
    }

    private String person(String id, String name, String unit, String roles, String liaisonUnits) {
        Response response = admin.post("/staff", """
                {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": %s, "liaisonUnits": %s,
                 "performedBy": "admin"}""".formatted(id, name, unit, roles, liaisonUnits));
        assertThat(response.status())
                .as("registering %s: %s", id, response.body())
                .isEqualTo(201);
        return id;
    }

    // --- the steps, each asserting it was accepted, answering the body

    public String open(String staff, String jobId) {
        Response response = api.post("/tickets", """
                {"jobId": "%s", "performedBy": "%s"}""".formatted(jobId, staff));
        assertThat(response.status()).as("open: %s", response.body()).isEqualTo(201);
        assertThat(response.location()).startsWith("/tickets/");
        return response.body().get("ticketId").asText();
    }

    public String openOnVariant(String staff, String jobId, String variant) {
        Response response = api.post("/tickets", """
                {"jobId": "%s", "variant": "%s", "performedBy": "%s"}""".formatted(jobId, variant, staff));
        assertThat(response.status()).as("open: %s", response.body()).isEqualTo(201);
        return response.body().get("ticketId").asText();
    }

    public Response confirmReading(String ticket, String staff, String documentId) {
        return api.post("/tickets/" + ticket + "/readings", """
                {"documentId": "%s", "version": "1", "performedBy": "%s"}""".formatted(documentId, staff));
    }

    public void readAll(String ticket, List<String> documents) {
        documents.forEach(document -> accepted(confirmReading(ticket, requester, document)));
    }

    /** The person goes through the six steps of a job (no variant, no role update) whose only reading is "guide". */
    public String signedOff(String job, String person) {
        String ticket = open(person, job);
        accepted(confirmReading(ticket, person, "guide"));
        accepted(request(ticket, person));
        accepted(grantSandbox(ticket, librarian));
        accepted(reportTest(ticket, person));
        accepted(approve(ticket, librarian, false));
        return ticket;
    }

    public Response request(String ticket, String staff) {
        return api.post("/tickets/" + ticket + "/request", """
                {"supportTicketRef": "LTS-%s", "note": "for the barcode clean-up", "performedBy": "%s"}""".formatted(
                        ticket, staff)); // a support ticket belongs to one open ticket
    }

    public Response grantSandbox(String ticket, String librarian) {
        return api.post("/tickets/" + ticket + "/sandbox-grant", """
                {"trainingMaterials": ["https://wiki.example/training/change-items"], "performedBy": "%s"}""".formatted(librarian));
    }

    public Response reportTest(String ticket, String staff) {
        return api.post("/tickets/" + ticket + "/sandbox-test", """
                {"jobInstanceRef": "job-88123", "recordsProcessed": 40, "outcome": "SUCCEEDED",
                 "notes": "40 items moved to the new location", "performedBy": "%s"}""".formatted(staff));
    }

    public Response approve(String ticket, String reviewer, boolean roleUpdateNeeded) {
        return api.post("/tickets/" + ticket + "/approval", """
                {"roleUpdateNeeded": %s, "comment": "looks right", "performedBy": "%s"}""".formatted(roleUpdateNeeded, reviewer));
    }

    public Response requestRetest(String ticket, String reviewer) {
        return api.post("/tickets/" + ticket + "/retest-request", """
                {"reason": "run it on a set of 10 items", "performedBy": "%s"}""".formatted(reviewer));
    }

    public Response deny(String ticket, String reviewer) {
        return api.post("/tickets/" + ticket + "/denial", """
                {"reason": "not needed for the role", "performedBy": "%s"}""".formatted(reviewer));
    }

    public Response submitRoleRequest(String ticket, String liaison) {
        return api.post("/tickets/" + ticket + "/role-request", """
                {"formRef": "FORM-77", "performedBy": "%s"}""".formatted(liaison));
    }

    public Response confirmRoleUpdate(String ticket, String support) {
        return api.post("/tickets/" + ticket + "/role-update", """
                {"note": "role added", "performedBy": "%s"}""".formatted(support));
    }

    public Response withdraw(String ticket, String staff) {
        return api.post("/tickets/" + ticket + "/withdrawal", """
                {"reason": "changed jobs", "performedBy": "%s"}""".formatted(staff));
    }

    public Response revoke(String ticket, String librarian) {
        return api.post("/tickets/" + ticket + "/revocation", """
                {"reason": "left the unit", "performedBy": "%s"}""".formatted(librarian));
    }

    /** A ticket of the requester on the seed job, taken to the review step. */
    public String ticketAwaitingReview() {
        String ticket = open(requester, CHANGE_ITEMS);
        readAll(ticket, CHANGE_ITEMS_READINGS);
        accepted(request(ticket, requester));
        accepted(grantSandbox(ticket, librarian));
        accepted(reportTest(ticket, requester));
        return ticket;
    }

    public static JsonNode accepted(Response response) {
        assertThat(response.status()).as("accepted: %s", response.body()).isEqualTo(200);
        return response.body();
    }

    // --- reads

    /**
     * The ticket once the read model shows it at {@code status} with its history settled: a step that started a wait
     * is followed by the note of that wait's deadlines (the engine appends it with the step; the read model may show
     * the step a moment before it).
     */
    public JsonNode awaitTicket(String ticket, String status) {
        return api.await(
                "/tickets/" + ticket,
                body -> status.equals(body.at("/ticket/status").asText()) && settled(body.get("history")));
    }

    /** A ticket view's history entries but the engine's notes of each wait's deadlines: the steps, as people see them. */
    public static List<JsonNode> steps(JsonNode ticketView) {
        List<JsonNode> steps = new java.util.ArrayList<>();
        ticketView.get("history").forEach(entry -> {
            if (!entry.get("event").asText().equals("DeadlinesScheduled")) {
                steps.add(entry);
            }
        });
        return steps;
    }

    private static boolean settled(JsonNode history) {
        int lastChange = 0;
        for (int i = 1; i < history.size(); i++) {
            if (!history.get(i).get("statusAfter").equals(history.get(i - 1).get("statusAfter"))) {
                lastChange = i;
            }
        }
        String status = history.get(lastChange).get("statusAfter").asText();
        if (org.signoff.ticket.api.TicketStatus.valueOf(status).closed()) {
            return true;
        }
        for (int i = lastChange + 1; i < history.size(); i++) {
            if (history.get(i).get("event").asText().equals("DeadlinesScheduled")) {
                return true;
            }
        }
        return false;
    }

    /** The master list entries of a person on a job (no variant), once the list shows {@code count} of them. */
    public JsonNode awaitOnMasterList(String scope, String jobId, String staff, int count) {
        api.await("/master-list", body -> entries(body, scope, jobId, staff).size() == count);
        List<JsonNode> found = entries(api.get("/master-list").body(), scope, jobId, staff);
        return found.isEmpty() ? null : found.get(0);
    }

    public static List<JsonNode> entries(JsonNode masterList, String scope, String jobId, String staff) {
        List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode s : masterList.get("scopes")) {
            if (!s.get("scope").asText().equals(scope)) {
                continue;
            }
            for (JsonNode job : s.get("jobs")) {
                if (!job.get("jobId").asText().equals(jobId)) {
                    continue;
                }
                job.get("staff").forEach(person -> {
                    if (person.get("staffId").asText().equals(staff)) {
                        found.add(person);
                    }
                });
            }
        }
        return found;
    }
}
