package org.signoff.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Problems.assertProblem;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.catalog.api.AlmaRole;
import org.signoff.catalog.api.JobId;
import org.signoff.lookup.JobCatalog;

/**
 * {@code PUT /jobs/{jobId}/alma-side} over real HTTP: a systems librarian says what a job is in Alma, and the job
 * shows it; the same side again records nothing; an incomplete or repeated entry is a 422 and writes nothing.
 */
class JobAlmaSideEndpointTest {

    private static final String SIDE = """
            {"jobIds": ["M28"], "importProfileIds": ["6543210000561"],
             "sandboxRoles": [{"roleType": "51", "scope": "01HVD_INST"}],
             "productionRoles": [{"roleType": "51", "scope": "01HVD_INST",
                                  "parameters": [{"type": "JobCategory", "value": "PHYSICAL_INVENTORY"}]}],
             "performedBy": "%s"}""";
    private static final String EMPTY = """
            {"performedBy": "%s"}""";

    private final RunningService service = RunningService.shared();
    private final Scenario scenario = new Scenario(service.api());

    @Test
    void aSystemsLibrarianSaysWhatAJobIsInAlmaAndTheJobShowsIt() {
        String job = newJob();
        assertThat(scenario.api.get("/jobs/" + job).body().at("/almaSide/jobIds"))
                .as("empty until someone says")
                .isEmpty();

        Response set = scenario.api.put("/jobs/" + job + "/alma-side", SIDE.formatted(scenario.librarian));

        assertThat(set.status()).as("%s", set.body()).isEqualTo(204);
        JsonNode side = scenario.api
                .await("/jobs/" + job, view -> !view.at("/almaSide/jobIds").isEmpty())
                .get("almaSide");
        assertThat(side.at("/jobIds/0").asText()).isEqualTo("M28");
        assertThat(side.at("/importProfileIds/0").asText()).isEqualTo("6543210000561");
        assertThat(side.at("/sandboxRoles/0/roleType").asText()).isEqualTo("51");
        assertThat(side.at("/sandboxRoles/0/scope").asText()).isEqualTo("01HVD_INST");
        assertThat(side.at("/productionRoles/0/parameters/0/type").asText()).isEqualTo("JobCategory");
        assertThat(side.at("/productionRoles/0/parameters/0/value").asText()).isEqualTo("PHYSICAL_INVENTORY");
        assertThat(service.bean(JobCatalog.class)
                        .find(JobId.of(job))
                        .orElseThrow()
                        .almaSide()
                        .productionRoles())
                .as("the command side looks it up too, for the steps that will act in Alma")
                .containsExactly(new AlmaRole(
                        "51",
                        "01HVD_INST",
                        List.of(new AlmaRole.Parameter("JobCategory", null, "PHYSICAL_INVENTORY"))));
        long events = eventsOf(job);

        assertThat(scenario.api
                        .put("/jobs/" + job + "/alma-side", SIDE.formatted(scenario.librarian))
                        .status())
                .isEqualTo(204);
        assertThat(eventsOf(job)).as("the same side again records nothing").isEqualTo(events);

        assertThat(scenario.api
                        .put("/jobs/" + job + "/alma-side", EMPTY.formatted(scenario.librarian))
                        .status())
                .isEqualTo(204);
        assertThat(scenario.api
                        .await(
                                "/jobs/" + job,
                                view -> view.at("/almaSide/jobIds").isEmpty())
                        .at("/almaSide/productionRoles"))
                .as("an empty side empties it")
                .isEmpty();
    }

    @Test
    void anIncompleteOrRepeatedEntryIsA422AndWritesNothing() {
        String job = newJob();
        long events = eventsOf(job);

        assertProblem(
                scenario.api.put("/jobs/" + job + "/alma-side", """
                        {"jobIds": ["M28", ""], "performedBy": "%s"}""".formatted(scenario.librarian)),
                422,
                "INVALID_DEFINITION");
        assertProblem(
                scenario.api.put("/jobs/" + job + "/alma-side", """
                        {"jobIds": ["M28", "M28"], "performedBy": "%s"}""".formatted(scenario.librarian)),
                422,
                "INVALID_DEFINITION");
        assertProblem(
                scenario.api.put("/jobs/" + job + "/alma-side", """
                        {"sandboxRoles": [{"scope": "01HVD_INST"}], "performedBy": "%s"}""".formatted(scenario.librarian)),
                422,
                "INVALID_DEFINITION");
        assertProblem(
                scenario.api.put("/jobs/" + job + "/alma-side", """
                        {"productionRoles": [{"roleType": "51", "scope": "01HVD_INST"},
                                             {"roleType": "51", "scope": "01HVD_INST"}],
                         "performedBy": "%s"}""".formatted(scenario.librarian)),
                422,
                "INVALID_DEFINITION");
        assertProblem(
                scenario.api.put("/jobs/" + job + "/alma-side", """
                        {"jobIds": [" M28"], "performedBy": "%s"}""".formatted(scenario.librarian)),
                400,
                "INVALID_REQUEST");
        assertProblem(
                scenario.api.put("/jobs/" + job + "/alma-side", """
                        {"jobIds": "M28", "performedBy": "%s"}""".formatted(scenario.librarian)),
                400,
                "MALFORMED_REQUEST");
        assertThat(eventsOf(job)).isEqualTo(events);
    }

    @Test
    void onlySystemsLibrariansAndAdministratorsSetItAndOnlyOnAJobThatExists() {
        String job = newJob();
        assertProblem(
                scenario.api.put("/jobs/" + job + "/alma-side", SIDE.formatted(scenario.requester)),
                403,
                "ROLE_REQUIRED");
        assertProblem(
                scenario.api.put("/jobs/no-such-job/alma-side", SIDE.formatted(scenario.librarian)),
                404,
                "UNKNOWN_JOB");
    }

    @Test
    void aRepeatedRequestWithItsIdempotencyKeyIsAnsweredTheSame() {
        String job = newJob();
        Response first = scenario.api
                .withHeader("Idempotency-Key", "alma-side-" + job)
                .put("/jobs/" + job + "/alma-side", SIDE.formatted(scenario.librarian));
        Response again = scenario.api
                .withHeader("Idempotency-Key", "alma-side-" + job)
                .put("/jobs/" + job + "/alma-side", SIDE.formatted(scenario.librarian));
        Response other = scenario.api
                .withHeader("Idempotency-Key", "alma-side-" + job)
                .put("/jobs/" + job + "/alma-side", EMPTY.formatted(scenario.librarian));

        assertThat(first.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
    }

    private String newJob() {
        String job = "alma-side-" + scenario.unit.toLowerCase(java.util.Locale.ROOT);
        Response registered = scenario.api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Change physical items",
                 "requiredReadings": []}}""".formatted(job, scenario.librarian));
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        return job;
    }

    private long eventsOf(String job) {
        return service.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(job)
                .query(Long.class)
                .single();
    }
}
