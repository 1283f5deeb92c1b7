package org.signoff.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Problems.assertProblem;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Concurrently;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * {@code PUT /staff/{staffId}/alma-primary-id} over real HTTP: an administrator gives a person the login they use
 * in Alma, and the directory shows it; no two people share one; the same one again records nothing; null clears it;
 * the event store never holds it.
 */
class AlmaPrimaryIdTest {

    private final RunningService service = RunningService.shared();
    private final Scenario scenario = new Scenario(service.api());
    private final Api admin = scenario.admin;

    @Test
    void anAdministratorSetsAPersonsAlmaPrimaryIdAndTheDirectoryShowsIt() {
        String login = almaLogin(scenario.requester);
        assertThat(admin.get("/staff/" + scenario.requester)
                        .body()
                        .get("almaPrimaryId")
                        .isNull())
                .isTrue();

        Response set = admin.put("/staff/" + scenario.requester + "/alma-primary-id", body(login));

        assertThat(set.status()).as("%s", set.body()).isEqualTo(204);
        assertThat(admin.get("/staff/" + scenario.requester)
                        .body()
                        .get("almaPrimaryId")
                        .asText())
                .isEqualTo(login);
        long events = eventsOf(scenario.requester);
        assertThat(admin.put("/staff/" + scenario.requester + "/alma-primary-id", body(login))
                        .status())
                .isEqualTo(204);
        assertThat(eventsOf(scenario.requester))
                .as("the same one again records nothing")
                .isEqualTo(events);
        assertThat(eventStoreHolds(login)).as("the event store never holds it").isFalse();

        assertThat(admin.put("/staff/" + scenario.requester + "/alma-primary-id", "{\"almaPrimaryId\": null}")
                        .status())
                .isEqualTo(204);
        assertThat(admin.get("/staff/" + scenario.requester)
                        .body()
                        .get("almaPrimaryId")
                        .isNull())
                .as("cleared")
                .isTrue();
    }

    @Test
    void twoPeopleCannotShareAnAlmaPrimaryIdWhateverItsLetterCase() {
        String login = almaLogin(scenario.colleague);
        assertThat(admin.put("/staff/" + scenario.colleague + "/alma-primary-id", body(login))
                        .status())
                .isEqualTo(204);
        long events = eventsOf(scenario.requester);

        Response taken =
                admin.put("/staff/" + scenario.requester + "/alma-primary-id", body(login.toUpperCase(Locale.ROOT)));

        assertProblem(taken, 409, "ALMA_PRIMARY_ID_IN_USE");
        assertThat(eventsOf(scenario.requester)).isEqualTo(events);
        assertThat(admin.get("/staff/" + scenario.requester)
                        .body()
                        .get("almaPrimaryId")
                        .isNull())
                .isTrue();
    }

    @Test
    void oneLoginGivenToSeveralPeopleAtOnceGoesToOneOfThem() throws Exception {
        String login = "shared-" + scenario.requester + "@example.edu";
        List<String> people = List.of(
                scenario.requester,
                scenario.colleague,
                scenario.librarian,
                scenario.liaison,
                scenario.otherLiaison,
                scenario.support);
        AtomicInteger next = new AtomicInteger();

        List<Response> answers = Concurrently.all(
                people.size(),
                () -> admin.put("/staff/" + people.get(next.getAndIncrement()) + "/alma-primary-id", body(login)));

        assertThat(answers).extracting(Response::status).containsOnly(204, 409);
        assertThat(answers).filteredOn(answer -> answer.status() == 204).hasSize(1);
        assertThat(answers)
                .filteredOn(answer -> answer.status() == 409)
                .extracting(Response::code)
                .as("a refusal that says why, also for the one that lost the race to the index")
                .containsOnly("ALMA_PRIMARY_ID_IN_USE");
        assertThat(people.stream()
                        .filter(person -> login.equals(admin.get("/staff/" + person)
                                .body()
                                .path("almaPrimaryId")
                                .asText(null)))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void badInputIsAProblemAndOnlyAnAdministratorSetsIt() {
        assertProblem(
                admin.put("/staff/" + scenario.requester + "/alma-primary-id", body("")), 422, "INVALID_DEFINITION");
        assertProblem(
                admin.put("/staff/" + scenario.requester + "/alma-primary-id", body(" padded")),
                400,
                "INVALID_REQUEST");
        assertProblem(
                admin.put("/staff/" + scenario.requester + "/alma-primary-id", body("x".repeat(256))),
                400,
                "INVALID_REQUEST");
        assertProblem(
                admin.put("/staff/" + scenario.requester + "/alma-primary-id", "{\"almaPrimaryId\": 7"),
                400,
                "MALFORMED_REQUEST");
        assertProblem(admin.put("/staff/nobody-here/alma-primary-id", body("nobody")), 404, "UNKNOWN_STAFF");
        assertProblem(
                scenario.api.put(
                        "/staff/" + scenario.requester + "/alma-primary-id", """
                        {"almaPrimaryId": "x", "performedBy": "%s"}""".formatted(scenario.librarian)),
                403,
                "ROLE_REQUIRED");
    }

    private static String almaLogin(String staffId) {
        return staffId + ".alma@example.edu";
    }

    private static String body(String almaPrimaryId) {
        return "{\"almaPrimaryId\": \"" + almaPrimaryId + "\"}";
    }

    private long eventsOf(String staffId) {
        String pseudonym = service.bean(JdbcClient.class)
                .sql("SELECT pseudonym FROM staff_pseudonym WHERE staff_id = ?")
                .param(staffId)
                .query(String.class)
                .single();
        return service.bean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(pseudonym)
                .query(Long.class)
                .single();
    }

    private boolean eventStoreHolds(String text) {
        return service
                .bean(JdbcClient.class)
                .sql("SELECT payload FROM DomainEventEntry")
                .query((rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8))
                .list()
                .stream()
                .anyMatch(payload -> payload.contains(text));
    }
}
