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
 * off in each under its own rules; a new version of its reading asks every holder in every member to confirm it. Their
 * numbers compare without a name, and a member's figures from fewer tickets than the minimum cell (5) are withheld.
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
        // the first member signs off four more people
        Member busy = members.get(0);
        Scenario more = new Scenario(busy.admin());
        for (String person : List.of(busy.people().colleague, busy.people().librarianWhoAsks)) {
            busy.people().signedOff(shared, person);
        }
        for (String person : List.of(more.requester, more.colleague)) {
            more.signedOff(shared, person);
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

        // each member shares its numbers; the consortium compares them, and nothing else crosses the wall. The first
        // member's five tickets are enough to be shown; the others' one ticket each is withheld
        for (Member member : members) {
            assertThat(member.admin()
                            .put("/analytics-sharing", "{\"shares\": true}")
                            .status())
                    .isEqualTo(204);
        }
        JsonNode body = consortium.await("/consortium/analytics", answer -> {
            JsonNode busyFigures = figures(answer, shared, busy.code());
            return busyFigures != null
                    && busyFigures.get("completed").asLong() == 5
                    && busyFigures.get("signOffsInForce").asLong() == 5;
        });
        assertThat(body.get("minimumCell").asInt()).isEqualTo(5);
        assertThat(List.of(body.get("from").asText(), body.get("to").asText()))
                .as("the last 30 days, widened to whole months: no period cut one ticket apart from another")
                .allSatisfy(bound -> assertThat(bound).matches("\\d{4}-\\d{2}-01T00:00:00Z"));
        JsonNode job = sharedJob(body, shared);
        assertThat(job).as(body.toString()).isNotNull();
        assertThat(job.get("institutions").findValuesAsText("institution"))
                .containsExactlyInAnyOrderElementsOf(
                        members.stream().map(Member::code).toList());
        JsonNode shown = figures(body, shared, busy.code());
        assertThat(shown.get("opened").asLong()).isEqualTo(5);
        assertThat(shown.get("completed").asLong()).isEqualTo(5);
        assertThat(shown.get("signOffsInForce").asLong()).isEqualTo(5);
        assertThat(shown.get("retestsPerTestedTicket").asDouble()).isEqualTo(0.0);
        assertThat(shown.get("withheld")).isEmpty();
        JsonNode review = step(shown, "AWAITING_REVIEW");
        assertThat(review.get("waits").asLong()).isEqualTo(5);
        assertThat(review.get("median").isNull()).isFalse();
        assertThat(review.get("p90").isNull()).isFalse();
        for (Member few : members.subList(1, 3)) {
            JsonNode withheld = figures(body, shared, few.code());
            for (String figure : List.of("opened", "completed", "retestsPerTestedTicket", "signOffsInForce")) {
                assertThat(withheld.get(figure).isNull())
                        .as(figure + " of " + withheld)
                        .isTrue();
            }
            assertThat(withheld.get("withheld").toString())
                    .contains("opened", "completed", "retestsPerTestedTicket", "signOffsInForce");
            JsonNode fewReview = step(withheld, "AWAITING_REVIEW");
            assertThat(fewReview.get("waits").isNull()).isTrue();
            assertThat(fewReview.get("median").isNull())
                    .as("the one wait's own time: " + fewReview)
                    .isTrue();
            assertThat(fewReview.get("p90").isNull()).isTrue();
            assertThat(fewReview.get("withheld").toString()).contains("median", "p90");
        }
        String everything = body.toString();
        for (Member member : members) {
            assertThat(everything)
                    .as("no person, ticket or text of a member")
                    .doesNotContain(member.people().requester, member.people().librarian, member.ticket(), "Amy")
                    .doesNotContain("Ask the " + member.code());
        }
        assertThat(everything).doesNotContain(more.requester, more.colleague, more.librarian);

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

    private static JsonNode sharedJob(JsonNode analytics, String sharedJobId) {
        for (JsonNode job : analytics.get("jobs")) {
            if (job.get("sharedJobId").asText().equals(sharedJobId)) {
                return job;
            }
        }
        return null;
    }

    /** One institution's figures of a shared job, or null while it has none. */
    private static JsonNode figures(JsonNode analytics, String sharedJobId, String institution) {
        JsonNode job = sharedJob(analytics, sharedJobId);
        if (job == null) {
            return null;
        }
        for (JsonNode figures : job.get("institutions")) {
            if (figures.get("institution").asText().equals(institution)) {
                return figures;
            }
        }
        return null;
    }

    private static JsonNode step(JsonNode figures, String step) {
        for (JsonNode each : figures.get("steps")) {
            if (each.get("step").asText().equals(step)) {
                return each;
            }
        }
        throw new AssertionError("no step " + step + " in " + figures);
    }
}
