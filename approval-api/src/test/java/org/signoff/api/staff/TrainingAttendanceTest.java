package org.signoff.api.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Problems.assertProblem;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Attendance over real HTTP: a newcomer's request is refused, naming the classes they have not attended, until a
 * trainer records them; a class the catalog lacks, a day in the future, the same class on the same day again, someone
 * who is no trainer, a client without {@code training:write}, or a person the directory lacks is refused with a
 * problem and writes nothing.
 */
class TrainingAttendanceTest {

    private final RunningService service = RunningService.shared();
    private final Scenario scenario = new Scenario(service.api());
    private final String trainer = person("trainer", "[\"TRAINER\"]");
    private final String newcomer = person("newcomer", "[\"STAFF\"]");

    @Test
    void aRequestWaitsOnTheClassesTheJobRequiresUntilATrainerRecordsThem() {
        String ticket = scenario.open(newcomer, Scenario.CHANGE_ITEMS);
        Scenario.CHANGE_ITEMS_READINGS.forEach(reading -> scenario.confirmReading(ticket, newcomer, reading));
        scenario.api.post("/staff/" + newcomer + "/attendance", attendance("introduction-to-alma", "2026-03-04"));

        Response refused = scenario.request(ticket, newcomer);

        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CLASSES_NOT_ATTENDED");
        assertThat(refused.body().get("detail").asText())
                .contains("Search & Sets (search-and-sets)", "Holdings & Items (holdings-and-items)")
                .doesNotContain("introduction-to-alma");
        assertThat(refused.body().get("missingClasses").findValuesAsText("classId"))
                .as("what an integration shows its user, without reading the detail")
                .containsExactly("search-and-sets", "holdings-and-items");
        assertThat(refused.body().at("/missingClasses/1/title").asText()).isEqualTo("Holdings & Items");

        for (String classId : new String[] {"search-and-sets", "holdings-and-items"}) {
            Response recorded =
                    scenario.api.post("/staff/" + newcomer + "/attendance", attendance(classId, "2026-04-08"));
            assertThat(recorded.status()).as("%s", recorded.body()).isEqualTo(201);
        }
        Response requested = scenario.request(ticket, newcomer);
        assertThat(requested.status()).as("%s", requested.body()).isEqualTo(200);
    }

    @Test
    void badAttendanceIsRefusedAndWritesNothing() {
        scenario.api.post("/staff/" + newcomer + "/attendance", attendance("holdings-and-items", "2026-03-04"));
        long events = service.eventsOf(newcomer);

        assertProblem(
                scenario.api.post("/staff/" + newcomer + "/attendance", attendance("holdings-and-items", "2026-03-04")),
                409,
                "ATTENDANCE_ALREADY_RECORDED");
        assertProblem(
                scenario.api.post("/staff/" + newcomer + "/attendance", attendance("juggling", "2026-03-04")),
                422,
                "UNKNOWN_TRAINING_CLASS");
        assertProblem(
                scenario.api.post(
                        "/staff/" + newcomer + "/attendance",
                        attendance(
                                "holdings-and-items",
                                LocalDate.now().plusDays(5).toString())),
                422,
                "INVALID_DEFINITION");
        assertProblem(
                scenario.api.post("/staff/" + newcomer + "/attendance", attendance("holdings-and-items", "4 March")),
                400,
                "MALFORMED_REQUEST");
        assertProblem(
                scenario.api.post("/staff/" + newcomer + "/attendance", """
                        {"classId": "holdings-and-items", "attendedOn": "2026-03-05", "performedBy": "%s"}""".formatted(newcomer)), 403, "ROLE_REQUIRED");
        assertProblem(
                scenario.api.post(
                        "/staff/nobody-" + newcomer + "/attendance", attendance("holdings-and-items", "2026-03-04")),
                404,
                "UNKNOWN_STAFF");
        Api withoutTraining = scenario.admin.withKey(ticketingOnlyKey());
        assertThat(withoutTraining
                        .post("/staff/" + newcomer + "/attendance", attendance("holdings-and-items", "2026-03-06"))
                        .status())
                .as("a client without training:write")
                .isEqualTo(403);
        assertThat(service.eventsOf(newcomer)).isEqualTo(events);
    }

    private String attendance(String classId, String day) {
        return """
                {"classId": "%s", "attendedOn": "%s", "performedBy": "%s"}""".formatted(classId, day, trainer);
    }

    private String ticketingOnlyKey() {
        Response response = scenario.admin.post("/api-clients", """
                {"clientId": "no-training-%s", "name": "Ticketing", "actsForAnyone": true,
                 "operations": ["tickets:read", "tickets:write", "staff:write"]}""".formatted(newcomer));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        return response.body().get("key").asText();
    }

    private String person(String name, String roles) {
        String id = name + "-" + scenario.unit.toLowerCase(java.util.Locale.ROOT);
        Response response = scenario.admin.post("/staff", """
                {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": %s, "performedBy": "admin"}""".formatted(id, name, scenario.unit, roles));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        return id;
    }
}
