package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Scenario;

/**
 * An auditor reconciles production's Alma roles with the master list (a fake Alma answering each person's user
 * record): a person signed off whose role is active is in order; one signed off without the role, one holding a job's
 * role without a sign-off, and one signed off who cannot be checked (no Alma primary id) are each listed with what to
 * do; roles no job needs are not the engine's business.
 */
class AlmaDriftTest {

    private static final String INVENTORY = """
            {"roleType": "51", "scope": "01UNI_INST", "parameters": [{"type": "JobCategory", "value": "INVENTORY"}]}""";
    private static final String WORK_ORDERS = """
            {"roleType": "52", "scope": "01UNI_INST"}""";

    private final FakeAlmaService fake = FakeAlmaService.shared();
    private final WireMockServer production = fake.production;
    private final Scenario scenario = new Scenario(fake.service.api());
    private final String suffix = scenario.unit.toLowerCase(Locale.ROOT);

    @Test
    void eachPersonWhoseAlmaRolesDoNotMatchTheMasterListIsListedWithWhatToDo() {
        String items = job("items", INVENTORY);
        String orders = job("orders", WORK_ORDERS);
        String inOrder = scenario.requester;
        String withoutRole = scenario.colleague;
        String roleWithoutSignOff = scenario.support;
        String unchecked = scenario.librarianWhoAsks;
        scenario.signedOff(items, inOrder);
        scenario.signedOff(items, withoutRole);
        scenario.signedOff(orders, unchecked);
        almaUser(inOrder, role("51", "INVENTORY", "ACTIVE"), role("214", null, "ACTIVE"));
        almaUser(withoutRole, role("51", "INVENTORY", "INACTIVE"));
        almaUser(roleWithoutSignOff, role("52", null, "ACTIVE"));
        scenario.awaitOnMasterList("Items", items, inOrder, 1);
        scenario.awaitOnMasterList("Items", items, withoutRole, 1);
        scenario.awaitOnMasterList("Items", orders, unchecked, 1);

        Response drift = scenario.admin.get("/alma/drift");

        assertThat(drift.status()).as("%s", drift.body()).isEqualTo(200);
        Map<String, JsonNode> people = mine(drift.body());
        assertThat(people).doesNotContainKey(inOrder);
        assertThat(people.get(withoutRole).at("/findings/0/kind").asText()).isEqualTo("SIGN_OFF_WITHOUT_ROLE");
        assertThat(people.get(withoutRole).at("/findings/0/jobs/0").asText()).isEqualTo(items);
        assertThat(people.get(withoutRole)
                        .at("/findings/0/role/parameters/0/value")
                        .asText())
                .isEqualTo("INVENTORY");
        assertThat(people.get(roleWithoutSignOff).at("/findings/0/kind").asText())
                .isEqualTo("ROLE_WITHOUT_SIGN_OFF");
        assertThat(people.get(roleWithoutSignOff).at("/findings/0/jobs/0").asText())
                .isEqualTo(orders);
        assertThat(people.get(roleWithoutSignOff).at("/findings/0/action").asText())
                .contains("take the role back");
        assertThat(people.get(unchecked).at("/findings/0/kind").asText()).isEqualTo("NOT_CHECKED");
        assertThat(people.get(unchecked).at("/findings/0/why").asText()).contains("no Alma primary id");
    }

    @Test
    void onlyAnAuditorOrAnAdministratorRunsIt() {
        assertThat(scenario.api.get("/alma/drift").code())
                .as("an integration without audit:read")
                .isEqualTo("ACCESS_DENIED");
    }

    /** The people of this scenario in the report, by staff id (the shared service holds others' too). */
    private Map<String, JsonNode> mine(JsonNode report) {
        return java.util.stream.StreamSupport.stream(report.get("people").spliterator(), false)
                .filter(person -> person.get("staffId").asText().endsWith(scenario.unit.substring(3)))
                .collect(Collectors.toMap(person -> person.get("staffId").asText(), person -> person));
    }

    private String job(String name, String productionRole) {
        String job = name + "-" + suffix;
        Response registered = scenario.api.post("/jobs", """
                {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "%s",
                 "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(job, scenario.librarian, job));
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        Response side =
                scenario.api.put("/jobs/" + job + "/alma-side", """
                {"productionRoles": [%s], "performedBy": "%s"}""".formatted(productionRole, scenario.librarian));
        assertThat(side.status()).as("%s", side.body()).isEqualTo(204);
        scenario.api.await(
                "/jobs/" + job, view -> !view.at("/almaSide/productionRoles").isEmpty());
        return job;
    }

    /** The person gets an Alma primary id, and production's user record of it holds {@code roles}. */
    private void almaUser(String staffId, String... roles) {
        String login = "alma-" + staffId;
        Response set =
                scenario.admin.put("/staff/" + staffId + "/alma-primary-id", "{\"almaPrimaryId\": \"" + login + "\"}");
        assertThat(set.status()).as("%s", set.body()).isEqualTo(204);
        production.stubFor(get(urlPathEqualTo("/almaws/v1/users/" + login))
                .willReturn(okJson("""
                {"record_type": {"value": "STAFF"}, "primary_id": "%s", "status": {"value": "ACTIVE"},
                 "user_role": [%s]}""".formatted(login, String.join(", ", List.of(roles))))));
        scenario.admin.await(
                "/staff/" + staffId,
                view -> login.equals(view.path("almaPrimaryId").asText()));
    }

    private static String role(String type, String jobCategory, String status) {
        String parameters = jobCategory == null ? "[]" : """
                        [{"type": {"value": "JobCategory"}, "value": {"value": "%s"}}]""".formatted(jobCategory);
        return """
                {"status": {"value": "%s"}, "scope": {"value": "01UNI_INST", "desc": "University Library"},
                 "role_type": {"value": "%s"}, "parameter": %s}""".formatted(status, type, parameters);
    }
}
