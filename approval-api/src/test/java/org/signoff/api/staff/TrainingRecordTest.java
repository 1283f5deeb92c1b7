package org.signoff.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * What people see of the training record, over real HTTP: a person's record of the classes they attended; the work
 * queue's "attend class X" on a ticket still reading, a class required of its job later included, until a trainer
 * records it; and the training a sign-off rests on, on its ticket, its request's history entry and "what may I run?".
 */
class TrainingRecordTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final String INTRODUCTION = "Introduction to Alma / From Aleph to Alma";

    private final RunningService service = RunningService.shared();
    private final Scenario scenario = new Scenario(service.api());
    private final String suffix = scenario.unit.toLowerCase(Locale.ROOT);
    private final String trainer = person("trainer", "[\"TRAINER\"]");
    private final String newcomer = person("newcomer", "[\"STAFF\"]");

    @Test
    void aPersonsTrainingRecordShowsEachClassWithItsTitleTheDayAndWhoRecordedIt() {
        accepted201(attend(newcomer, "holdings-and-items", "2026-04-08"));
        accepted201(attend(newcomer, "introduction-to-alma", "2026-03-04"));

        Response record = scenario.api.get("/staff/" + newcomer + "/attendance");

        assertThat(record.status()).as("%s", record.body()).isEqualTo(200);
        assertThat(record.body()).hasSize(2);
        JsonNode first = record.body().get(0);
        assertThat(first.get("classId").asText()).as("oldest first").isEqualTo("introduction-to-alma");
        assertThat(first.get("title").asText()).isEqualTo(INTRODUCTION);
        assertThat(first.get("attendedOn").asText()).isEqualTo("2026-03-04");
        assertThat(first.get("recordedBy").asText()).isEqualTo(trainer);
        assertThat(first.get("recordedAt").asText()).isNotEmpty();
        assertThat(record.body().get(1).get("title").asText()).isEqualTo("Holdings & Items");

        assertThat(scenario.api
                        .get("/staff/" + person("nobody", "[\"STAFF\"]") + "/attendance")
                        .body())
                .as("nobody attended anything yet")
                .isEmpty();
        Response unknown = scenario.api.get("/staff/nobody-" + newcomer + "/attendance");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_STAFF");
    }

    @Test
    void theHistoryOfTheAttendeeAndOfTheTrainerAndTheLedgerCarryTheAttendance() throws InterruptedException {
        Instant before = Instant.now().minusSeconds(1);
        accepted201(attend(newcomer, "holdings-and-items", "2026-04-08"));
        accepted201(attend(newcomer, "introduction-to-alma", "2026-03-04"));

        JsonNode history = scenario.admin.await("/staff/" + newcomer + "/history?limit=1", page -> page.size() == 1);
        JsonNode first = history.get(0);
        assertThat(first.get("ticketId").isNull()).isTrue();
        assertThat(first.get("requester").asText()).isEqualTo(newcomer);
        assertThat(first.at("/step/event").asText()).isEqualTo("ClassAttended");
        assertThat(first.at("/step/performedBy").asText()).isEqualTo(trainer);
        assertThat(first.at("/step/client").asText()).isEqualTo(scenario.integrationClient());
        assertThat(first.at("/step/details/title").asText()).isEqualTo("Holdings & Items");
        assertThat(first.at("/step/details/attendedOn").asText()).isEqualTo("2026-04-08");
        scenario.admin.await("/staff/" + trainer + "/history", entries -> entries.size() == 2);
        List<String> walked = new ArrayList<>();
        Response page = scenario.admin.get("/staff/" + trainer + "/history?limit=1");
        while (true) {
            page.body()
                    .forEach(entry ->
                            walked.add(entry.at("/step/details/classId").asText()));
            Matcher next = page.link() == null ? null : NEXT.matcher(page.link());
            if (next == null || !next.find()) {
                break;
            }
            page = scenario.admin.follow(next.group(1));
        }
        assertThat(walked)
                .as("the trainer's history, a page at a time")
                .containsExactly("holdings-and-items", "introduction-to-alma");

        String pseudonym =
                scenario.admin.get("/staff/" + newcomer).body().get("pseudonym").asText();
        List<String> attended = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (attended.size() < 2 && System.nanoTime() < deadline) { // the export holds sealed events: a moment
            attended.clear();
            scenario.admin
                    .getText("/ledger/events?from=" + before)
                    .lines()
                    .filter(line -> line.contains("\"payloadType\":\"org.signoff.staff.api.ClassAttended\"")
                            && line.contains(pseudonym))
                    .forEach(attended::add);
            Thread.sleep(100);
        }
        assertThat(attended).hasSize(2);
        assertThat(attended.get(0))
                .contains("\\\"classId\\\":\\\"holdings-and-items\\\"")
                .contains("\\\"attendedOn\\\":\\\"2026-04-08\\\"")
                .doesNotContain(newcomer);
    }

    @Test
    void theWorkQueueShowsTheClassesATicketWaitsOnUntilTheyAreAttendedAClassAddedLaterIncluded() {
        String job = newJob();
        String ticket = scenario.open(newcomer, job);

        awaitQueue(ticket, List.of("introduction-to-alma", "search-and-sets")); // every job requires the overviews
        accepted201(attend(newcomer, "introduction-to-alma", "2026-03-04"));
        awaitQueue(ticket, List.of("search-and-sets"));

        Response required = scenario.api.put("/jobs/" + job + "/required-classes", """
                {"classIds": ["work-orders"], "performedBy": "%s"}""".formatted(scenario.librarian));
        assertThat(required.status()).as("%s", required.body()).isEqualTo(204);
        JsonNode waiting = awaitQueue(ticket, List.of("search-and-sets", "work-orders"));
        assertThat(waiting.get("status").asText()).isEqualTo("READING");
        assertThat(waiting.get("classesToAttend").get(1).get("title").asText()).isEqualTo("Work Orders");

        accepted201(attend(newcomer, "search-and-sets", "2026-03-05"));
        accepted201(attend(newcomer, "work-orders", "2026-04-09"));
        awaitQueue(ticket, List.of());
        accepted(scenario.request(ticket, newcomer));
        assertThat(scenario.api
                        .await(
                                "/staff/" + newcomer + "/standing",
                                standing -> standing.get("inProgress").size() == 1)
                        .at("/inProgress/0/classesToAttend"))
                .as("a ticket past its request waits on no class")
                .isEmpty();
    }

    @Test
    void theTicketItsRequestAndWhatMayIRunShowTheTrainingTheSignOffRestsOn() {
        String ticket = scenario.ticketAwaitingReview();
        accepted(scenario.approve(ticket, scenario.librarian, false));

        JsonNode view = scenario.awaitTicket(ticket, "COMPLETED");
        assertThat(titlesAndDays(view.get("training")))
                .containsExactly(
                        INTRODUCTION + " (2026-03-04)", "Search & Sets (2026-03-04)", "Holdings & Items (2026-03-04)");
        JsonNode request = Scenario.steps(view).stream()
                .filter(step -> step.get("event").asText().equals("JobAccessRequested"))
                .findFirst()
                .orElseThrow();
        assertThat(titlesAndDays(request.at("/details/training")))
                .as("the request's history entry")
                .containsExactly(
                        INTRODUCTION + " (2026-03-04)", "Search & Sets (2026-03-04)", "Holdings & Items (2026-03-04)");

        JsonNode standing = scenario.api.await(
                "/staff/" + scenario.requester + "/standing",
                body -> body.get("signOffs").size() == 1);
        JsonNode signOff = standing.get("signOffs").get(0);
        assertThat(signOff.get("ticketId").asText()).isEqualTo(ticket);
        assertThat(titlesAndDays(signOff.get("training")))
                .as("what may I run?")
                .containsExactly(
                        INTRODUCTION + " (2026-03-04)", "Search & Sets (2026-03-04)", "Holdings & Items (2026-03-04)");
        assertThat(ids(signOff.get("training")))
                .containsExactly("introduction-to-alma", "search-and-sets", "holdings-and-items");
        assertThat(titlesAndDays(scenario.admin
                        .get("/staff/" + scenario.requester + "/permissions")
                        .body()
                        .get(0)
                        .get("training")))
                .hasSize(3);
    }

    private Response attend(String staffId, String classId, String day) {
        return scenario.api.post("/staff/" + staffId + "/attendance", """
                {"classId": "%s", "attendedOn": "%s", "performedBy": "%s"}""".formatted(classId, day, trainer));
    }

    private static void accepted201(Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
    }

    /** The ticket in the newcomer's work queue, once it shows exactly these classes to attend, in this order. */
    private JsonNode awaitQueue(String ticket, List<String> classIds) {
        JsonNode queue = scenario.api.await("/work-queue?staffId=" + newcomer, body -> {
            JsonNode waiting = find(body, ticket);
            return waiting != null && ids(waiting.get("classesToAttend")).equals(classIds);
        });
        return find(queue, ticket);
    }

    private static JsonNode find(JsonNode queue, String ticket) {
        return StreamSupport.stream(queue.spliterator(), false)
                .filter(waiting -> waiting.get("ticketId").asText().equals(ticket))
                .findFirst()
                .orElse(null);
    }

    private static List<String> ids(JsonNode classes) {
        return StreamSupport.stream(classes.spliterator(), false)
                .map(c -> c.get("classId").asText())
                .toList();
    }

    private static List<String> titlesAndDays(JsonNode training) {
        return StreamSupport.stream(training.spliterator(), false)
                .map(c -> c.get("title").asText() + " (" + c.get("attendedOn").asText() + ")")
                .toList();
    }

    private String newJob() {
        String job = "record-" + suffix;
        Response registered = scenario.api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Create work orders",
                 "requiredReadings": []}}""".formatted(job, scenario.librarian));
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        return job;
    }

    private String person(String name, String roles) {
        String id = name + "-" + suffix;
        Response response = scenario.admin.post("/staff", """
                {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": %s, "performedBy": "admin"}""".formatted(id, name, scenario.unit, roles));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        return id;
    }
}
