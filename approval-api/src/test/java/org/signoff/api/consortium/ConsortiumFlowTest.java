package org.signoff.api.consortium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Members;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * The consortium as its members live it: a job defined once in the shared catalog, adopted by three members, signed
 * off in each under its own rules; a new version of its reading asks every holder in every member to confirm it.
 */
class ConsortiumFlowTest {

    private record Member(String code, Api admin, Scenario people, String ticket) {}

    @Test
    void aSharedJobAdoptedByThreeMembersFollowsTheConsortiumsNewReadingInEachAndTheirNumbersCompareWithoutAName() {
        Api defaultAdmin = RunningService.shared().api();
        Api consortium = Members.consortiumAdministrator(defaultAdmin);
        String shared = "shared-items-" + ProcessHandle.current().pid();
        Response defined = consortium.post("/shared-jobs", """
                {"sharedJobId": "%s", "definition": {"scope": "Items", "name": "Change physical items (shared)",
                 "notes": "The consortium's documentation", "requiredReadings": [
                   {"documentId": "guide", "title": "The shared guide", "version": "1"}]}}""".formatted(shared));
        assertThat(defined.status()).as(defined.body().toString()).isEqualTo(201);

        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String code = "FLOW" + ProcessHandle.current().pid() + "-" + i;
            Api admin = Members.register(consortium, code, "Flow member " + i);
            Members.catalogLikeTheSeed(admin, code);
            Scenario people = new Scenario(admin);
            Response adopted =
                    people.api.post("/shared-jobs/" + shared + "/adoption", """
                    {"notes": "Ask the %s desk first", "performedBy": "%s"}""".formatted(code, people.librarian));
            assertThat(adopted.status()).as(adopted.body().toString()).isEqualTo(201);
            assertThat(adopted.location()).isEqualTo("/jobs/" + shared);
            members.add(new Member(code, admin, people, people.signedOff(shared, people.requester)));
        }
        for (Member member : members) {
            JsonNode job = member.admin().get("/jobs/" + shared).body();
            assertThat(job.get("name").asText()).isEqualTo("Change physical items (shared)");
            assertThat(job.get("notes").asText())
                    .as("its own notes")
                    .isEqualTo("Ask the " + member.code() + " desk first");
            assertThat(member.admin()
                            .await(
                                    "/master-list?jobId=" + shared,
                                    list -> list.toString().contains(member.people().requester))
                            .toString())
                    .doesNotContain(
                            members.get(0) == member
                                    ? members.get(1).people().requester
                                    : members.get(0).people().requester);
        }

        Response changed = consortium.put("/shared-jobs/" + shared, """
                {"definition": {"scope": "Items", "name": "Change physical items (shared)",
                 "notes": "The consortium's documentation", "requiredReadings": [
                   {"documentId": "guide", "title": "The shared guide", "version": "2"}]}}""");
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(204);

        for (Member member : members) {
            JsonNode ticket = member.people()
                    .api
                    .await(
                            "/tickets/" + member.ticket(),
                            view -> view.get("history")
                                    .findValuesAsText("event")
                                    .contains("ReattestationRequired"));
            assertThat(ticket.at("/ticket/staffId").asText()).isEqualTo(member.people().requester);
            JsonNode job = member.admin().get("/jobs/" + shared).body();
            assertThat(job.at("/requiredReadings/0/version").asText()).isEqualTo("2");
            assertThat(job.get("notes").asText())
                    .as("its own notes, kept")
                    .isEqualTo("Ask the " + member.code() + " desk first");
        }

        // each member shares its numbers; the consortium compares them, and nothing else crosses the wall
        for (Member member : members) {
            assertThat(member.admin()
                            .put("/analytics-sharing", "{\"shares\": true}")
                            .status())
                    .isEqualTo(204);
        }
        Response analytics = consortium.get("/consortium/analytics");
        assertThat(analytics.status()).as(analytics.body().toString()).isEqualTo(200);
        JsonNode job = null;
        for (JsonNode each : analytics.body().get("jobs")) {
            if (each.get("sharedJobId").asText().equals(shared)) {
                job = each;
            }
        }
        assertThat(job).as(analytics.body().toString()).isNotNull();
        assertThat(job.get("institutions").findValuesAsText("institution"))
                .containsExactlyInAnyOrderElementsOf(
                        members.stream().map(Member::code).toList());
        job.get("institutions").forEach(institution -> {
            assertThat(institution.get("opened").asLong()).isEqualTo(1);
            assertThat(institution.get("completed").asLong()).isEqualTo(1);
            assertThat(institution.get("signOffsInForce").asLong()).isEqualTo(1);
            assertThat(institution.get("steps").findValuesAsText("step")).contains("AWAITING_REVIEW");
        });
        String everything = analytics.body().toString();
        for (Member member : members) {
            assertThat(everything)
                    .as("no person, ticket or text of a member")
                    .doesNotContain(member.people().requester, member.people().librarian, member.ticket(), "Amy")
                    .doesNotContain("Ask the " + member.code());
        }

        assertThat(members.get(2)
                        .admin()
                        .put("/analytics-sharing", "{\"shares\": false}")
                        .status())
                .isEqualTo(204);
        assertThat(consortium
                        .get("/consortium/analytics")
                        .body()
                        .get("sharingInstitutions")
                        .toString())
                .doesNotContain(members.get(2).code())
                .contains(members.get(0).code());
    }
}
