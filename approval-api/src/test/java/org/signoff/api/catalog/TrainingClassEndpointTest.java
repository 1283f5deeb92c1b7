package org.signoff.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Problems.assertProblem;

import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * The training classes of the catalog over real HTTP: a systems librarian registers a class, requires it of a job,
 * and the job answers it beside the classes every job requires; an unknown class, a class named twice or a class
 * without a title is refused and writes nothing; a requester may not write the catalog.
 */
class TrainingClassEndpointTest {

    private final RunningService service = RunningService.shared();
    private final Scenario scenario = new Scenario(service.api());
    private final String suffix = scenario.unit.toLowerCase(Locale.ROOT);

    @Test
    void aClassRequiredOfAJobIsShownWithTheJobBesideThoseEveryJobRequires() {
        // the seed's overview every job requires: a class of every job registered here would hold for every other
        // test's requests on this shared service
        String everyone = "introduction-to-alma";
        String holdings = register("holdings-" + suffix, "Holdings & Items " + suffix, "Cross-Functional Topics");
        String job = newJob();

        assertThat(ids(scenario.api.get("/jobs/" + job).body().get("requiredClasses")))
                .as("every job requires the overview, without naming it")
                .contains(everyone)
                .doesNotContain(holdings);

        Response set =
                scenario.api.put("/jobs/" + job + "/required-classes", """
                {"classIds": ["%s"], "performedBy": "%s"}""".formatted(holdings, scenario.librarian));

        assertThat(set.status()).as("%s", set.body()).isEqualTo(204);
        JsonNode required = scenario.api
                .await("/jobs/" + job, view -> ids(view.get("requiredClasses")).contains(holdings))
                .get("requiredClasses");
        assertThat(ids(required)).as("those every job requires first").containsSubsequence(everyone, holdings);
        JsonNode shown = StreamSupport.stream(required.spliterator(), false)
                .filter(c -> c.get("classId").asText().equals(holdings))
                .findFirst()
                .orElseThrow();
        assertThat(shown.get("title").asText()).isEqualTo("Holdings & Items " + suffix);
        assertThat(shown.get("functionalArea").asText()).isEqualTo("Cross-Functional Topics");
        assertThat(ids(scenario.api.get("/training-classes").body())).contains(everyone, holdings);

        long events = eventsOf(job);
        assertThat(scenario.api
                        .put("/jobs/" + job + "/required-classes", """
                                {"classIds": ["%s"], "performedBy": "%s"}""".formatted(holdings, scenario.librarian))
                        .status())
                .isEqualTo(204);
        assertThat(eventsOf(job)).as("the same classes again record nothing").isEqualTo(events);
    }

    @Test
    void theSeedCatalogCarriesTheTrainingProgrammeAndWhatItsJobsRequire() {
        assertThat(ids(scenario.api.get("/jobs/batch-create-work-orders").body().get("requiredClasses")))
                .as("the two overviews every job requires, then the job's own")
                .startsWith("introduction-to-alma", "search-and-sets")
                .endsWith("work-orders");
        assertThat(ids(scenario.api.get("/jobs/change-physical-items").body().get("requiredClasses")))
                .contains("holdings-and-items");
        assertThat(ids(scenario.api.get("/training-classes").body()))
                .contains("circulation-and-patron-records", "cataloging-2-and-authority-records", "course-reserves");
    }

    @Test
    void anUnknownOrRepeatedClassIsRefusedAndWritesNothing() {
        String holdings = register("work-orders-" + suffix, "Work Orders " + suffix, "Cross-Functional Topics");
        String job = newJob();
        long events = eventsOf(job);

        assertProblem(
                scenario.api.put("/jobs/" + job + "/required-classes", """
                        {"classIds": ["no-such-class"], "performedBy": "%s"}""".formatted(scenario.librarian)),
                422,
                "UNKNOWN_TRAINING_CLASS");
        assertProblem(
                scenario.api.put(
                        "/jobs/" + job + "/required-classes", """
                        {"classIds": ["%s", "%s"], "performedBy": "%s"}""".formatted(holdings, holdings, scenario.librarian)),
                422,
                "INVALID_DEFINITION");
        assertProblem(
                scenario.api.put("/jobs/no-such-job/required-classes", """
                        {"classIds": ["%s"], "performedBy": "%s"}""".formatted(holdings, scenario.librarian)),
                404,
                "UNKNOWN_JOB");
        assertProblem(
                scenario.api.post("/training-classes", """
                        {"classId": "untitled-%s", "title": "", "functionalArea": "Fulfillment",
                         "performedBy": "%s"}""".formatted(suffix, scenario.librarian)),
                400,
                "INVALID_REQUEST");
        assertProblem(
                scenario.api.post("/training-classes", """
                        {"classId": "%s", "title": "Work Orders again", "functionalArea": "Cross-Functional Topics",
                         "performedBy": "%s"}""".formatted(holdings, scenario.librarian)),
                409,
                "ALREADY_EXISTS");
        assertProblem(
                scenario.api.post("/training-classes", """
                        {"classId": "requester-%s", "title": "Mine", "functionalArea": "Fulfillment",
                         "performedBy": "%s"}""".formatted(suffix, scenario.requester)),
                403,
                "ROLE_REQUIRED");
        assertThat(eventsOf(job)).isEqualTo(events);
    }

    /** A class no job requires until one names it (one of every job would hold for the other tests' requests). */
    private String register(String classId, String title, String area) {
        Response registered =
                scenario.api.post("/training-classes", """
                {"classId": "%s", "title": "%s", "functionalArea": "%s", "requiredOfEveryJob": false,
                 "performedBy": "%s"}""".formatted(classId, title, area, scenario.librarian));
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        return classId;
    }

    private String newJob() {
        String job = "training-" + suffix;
        Response registered = scenario.api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Change physical items",
                 "requiredReadings": []}}""".formatted(job, scenario.librarian));
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        return job;
    }

    private static List<String> ids(JsonNode classes) {
        return StreamSupport.stream(classes.spliterator(), false)
                .map(c -> c.get("classId").asText())
                .toList();
    }

    private long eventsOf(String job) {
        return service.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(job)
                .query(Long.class)
                .single();
    }
}
