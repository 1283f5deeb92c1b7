package org.signoff.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Concurrently;
import org.signoff.api.testkit.Members;
import org.signoff.api.testkit.ReadModels;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/** The same service on a real PostgreSQL server: a whole journey, refusals, and a restart over the same database. */
class PostgresStoreTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var result = connection.createStatement().executeQuery("SHOW server_version_num")) {
            result.next();
            assertThat(result.getInt(1))
                    .as("a supported PostgreSQL major version")
                    .isGreaterThanOrEqualTo(170000);
        }
    }

    /**
     * The institutions' walls in PostgreSQL's SQL (the keys' LIKE filters, the classes of each institution's jobs):
     * two members and the default institution each see their own only.
     */
    private static void membersAreWalledOffOnPostgres(Api defaultAdmin) {
        Api consortium = Members.consortiumAdministrator(defaultAdmin);
        Api first = Members.register(consortium, "PG_ONE", "First member");
        Api second = Members.register(consortium, "PG_TWO", "Second member");
        Members.catalogLikeTheSeed(first, "PG_ONE");
        Scenario members = new Scenario(first);
        String ticket = members.open(members.requester, CHANGE_ITEMS);

        // the read models follow the commands within moments
        assertThat(first.await("/jobs", jobs -> !jobs.isEmpty()).findValuesAsText("jobId"))
                .containsExactly(CHANGE_ITEMS);
        assertThat(first.await("/tickets", tickets -> !tickets.isEmpty()).findValuesAsText("ticketId"))
                .containsExactly(ticket);
        assertThat(first.await(
                                "/staff?limit=1000",
                                staff -> staff.findValuesAsText("staffId").contains(members.requester))
                        .findValuesAsText("staffId"))
                .contains("admin", members.requester)
                .allSatisfy(id -> assertThat(id).doesNotContain("/"));
        assertThat(members.api
                        .get("/work-queue?staffId=" + members.requester)
                        .body()
                        .toString())
                .as("the member's ticket waits on its own readings, not on another institution's classes")
                .contains(ticket)
                .doesNotContain("Introduction to Alma");
        assertThat(first.get("/statistics").status()).isEqualTo(200);
        assertThat(second.get("/tickets").body().findValuesAsText("ticketId")).isEmpty();
        assertThat(second.get("/jobs").body().findValuesAsText("jobId")).isEmpty();
        assertThat(defaultAdmin.get("/staff?limit=1000").body().findValuesAsText("staffId"))
                .doesNotContain(members.requester);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void aTicketGoesThroughAllStepsAndSurvivesARestartOnPostgres() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        String[] onPostgres = {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres"
        };
        String ticket;
        Scenario scenario;
        try (RunningService service = RunningService.start(dataDir, onPostgres)) {
            scenario = new Scenario(service.api());
            racingIntegrationsActOnceOnPostgres(new Scenario(service.api()));
            ticket = scenario.ticketAwaitingReview();
            assertThat(scenario.approve(ticket, scenario.librarian, false)
                            .body()
                            .get("status")
                            .asText())
                    .isEqualTo("COMPLETED");
            assertThat(scenario.api
                            .post("/tickets", """
                    {"jobId": "%s", "performedBy": "%s"}""".formatted(CHANGE_ITEMS, scenario.requester))
                            .code())
                    .isEqualTo("TICKET_ALREADY_OPEN");
            assertThat(scenario.api
                            .post("/jobs", """
                    {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Again",
                     "requiredReadings": [], "variants": [], "signOffPerVariant": false,
                     "roleUpdateUsuallyNeeded": false}}""".formatted(CHANGE_ITEMS, scenario.librarian))
                            .code())
                    .as("a duplicate key on PostgreSQL is a conflict too")
                    .isEqualTo("ALREADY_EXISTS");
            scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
        }
        try (RunningService service = RunningService.start(dataDir, onPostgres)) {
            Scenario again = scenario.reconnect(service.api());
            assertThat(again.awaitTicket(ticket, "COMPLETED").get("history").size())
                    .as("eight steps, four waits with their deadlines")
                    .isEqualTo(12);
            again.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);
            assertThat(accepted(again.revoke(ticket, scenario.librarian))
                            .get("status")
                            .asText())
                    .isEqualTo("REVOKED");
            again.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 0);

            long events = service.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM DomainEventEntry")
                    .query(Long.class)
                    .single();
            JsonNode verified = service.api()
                    .await("/ledger/verification", body -> body.get("checked").asLong() == events);
            assertThat(verified.get("intact").asBoolean())
                    .as("every event sealed on PostgreSQL, and the chain holds: %s", verified)
                    .isTrue();
            membersAreWalledOffOnPostgres(service.api());

            // each read model rebuilt beside the live one (tables made from PostgreSQL's metadata) and swapped in
            org.springframework.jdbc.core.simple.JdbcClient jdbc =
                    service.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
            ReadModels.awaitCaughtUp(service.api());
            var live = ReadModels.rows(jdbc);
            jdbc.sql("UPDATE projection_job SET name = 'damaged'").update();
            for (String readModel : List.of("tickets", "master-list", "catalog", "staff")) {
                ReadModels.rebuild(service.api(), readModel);
            }
            assertThat(ReadModels.rows(jdbc)).as("rebuilt on PostgreSQL").isEqualTo(live);
        }
    }

    /** Eight integrations send the same review for the version they read: one approval, the rest 409 or 412. */
    private static void racingIntegrationsActOnceOnPostgres(Scenario scenario) throws Exception {
        String raced = scenario.ticketAwaitingReview();
        scenario.api.await("/tickets/" + raced, body -> body.get("history").size() == 11);
        String etag = scenario.api.get("/tickets/" + raced).etag();
        List<Integer> statuses = Concurrently.all(
                8,
                () -> scenario.api
                        .post("/tickets/" + raced + "/approval", """
                        {"roleUpdateNeeded": false, "performedBy": "%s"}""".formatted(scenario.librarian), "If-Match", etag)
                        .status());
        assertThat(statuses)
                .isSubsetOf(200, 409, 412)
                .filteredOn(status -> status == 200)
                .hasSize(1);
    }
}
