package org.signoff.api.consortium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Problems.assertProblem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Members;
import org.signoff.api.testkit.RunningService;

/**
 * What the consortium's endpoints answer to input they cannot take: a problem with its code, never a 500, and nothing
 * registered, defined or adopted half-way.
 */
class ConsortiumBadInputTest {

    private static Api defaultAdmin;
    private static Api consortium;
    private static String code;
    private static Api member;

    @BeforeAll
    static void aConsortiumWithOneMember() {
        defaultAdmin = RunningService.shared().api();
        consortium = Members.consortiumAdministrator(defaultAdmin);
        code = "BAD" + ProcessHandle.current().pid();
        member = Members.register(consortium, code, "Bad input member");
    }

    @Test
    void anInstitutionThatCannotBeRegisteredIsRefusedAndNothingOfItIsKept() {
        int before = consortium.get("/institutions").body().size();
        String firstAdministrator =
                "\"firstAdministrator\": {\"staffId\": \"jo\", \"displayName\": \"Jo\", \"unit\": \"LTS\"}";

        assertProblem(
                consortium.post("/institutions", "{\"code\": \"lower\", \"name\": \"x\", " + firstAdministrator + "}"),
                400,
                "INVALID_REQUEST");
        assertProblem(
                consortium.post("/institutions", "{\"code\": \"NOADMIN\", \"name\": \"x\"}"), 400, "INVALID_REQUEST");
        assertProblem(consortium.post("/institutions", """
                        {"code": "NOID", "name": "x", "firstAdministrator": {"staffId": "Not An Id",
                         "displayName": "Jo", "unit": "LTS"}}"""), 400, "INVALID_REQUEST");
        assertProblem(
                consortium.post(
                        "/institutions",
                        "{\"code\": \"" + code + "\", \"name\": \"again\", " + firstAdministrator + "}"),
                409,
                "ALREADY_EXISTS");
        assertProblem(
                consortium.post(
                        "/institutions",
                        "{\"code\": \"DEFAULT\", \"name\": \"the default\", " + firstAdministrator + "}"),
                409,
                "ALREADY_EXISTS");
        assertProblem(consortium.post("/institutions", "not json"), 400, "MALFORMED_REQUEST");

        assertThat(consortium.get("/institutions").body().size()).isEqualTo(before);
    }

    @Test
    void sharedJobsAndTheirAdoptionRefuseWhatTheyCannotTake() {
        String shared = "bad-input-" + ProcessHandle.current().pid();
        assertProblem(
                consortium.post(
                        "/shared-jobs",
                        "{\"sharedJobId\": \"" + shared + "\", \"definition\": {\"scope\": \"Items\"}}"),
                400,
                "INVALID_REQUEST");
        assertProblem(consortium.put("/shared-jobs/nobody-defined-it", """
                        {"definition": {"scope": "Items", "name": "x", "requiredReadings": []}}"""), 404, "UNKNOWN_JOB");
        assertProblem(member.post("/shared-jobs/nobody-defined-it/adoption", "{}"), 404, "UNKNOWN_JOB");
        assertThat(consortium.post("/shared-jobs", """
                        {"sharedJobId": "%s", "definition": {"scope": "Items", "name": "Shared", "requiredReadings": []}}""".formatted(shared)).status())
                .isEqualTo(201);
        assertProblem(consortium.post("/shared-jobs", """
                        {"sharedJobId": "%s", "definition": {"scope": "Items", "name": "Again", "requiredReadings": []}}""".formatted(shared)), 409, "ALREADY_EXISTS");
        assertThat(member.post("/shared-jobs/" + shared + "/adoption", "{}").status())
                .isEqualTo(201);
        assertProblem(member.post("/shared-jobs/" + shared + "/adoption", "{}"), 409, "ALREADY_EXISTS");
        assertProblem(
                member.post("/shared-jobs/" + shared + "/adoption", "{\"jobId\": \"Not An Id\"}"),
                400,
                "INVALID_REQUEST");
        assertProblem(member.post("/shared-jobs", "{}"), 403, "ACCESS_DENIED");
    }

    @Test
    void analyticsAndTheConsortiumsRolesRefuseWhatTheyCannotTake() {
        assertProblem(member.put("/analytics-sharing", "{}"), 400, "INVALID_REQUEST");
        assertProblem(member.put("/analytics-sharing", "{\"shares\": \"maybe\"}"), 400, "MALFORMED_REQUEST");
        assertProblem(
                consortium.get("/consortium/analytics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"),
                400,
                "INVALID_REQUEST");
        assertProblem(consortium.get("/consortium/analytics?from=yesterday"), 400, "MALFORMED_REQUEST");
        // no month after it: refused, not a failure of the engine
        assertProblem(consortium.get("/consortium/analytics?to=%2B999999999-12-15T00:00:00Z"), 400, "INVALID_REQUEST");
        assertProblem(consortium.get("/consortium/analytics?to=-999999999-01-01T00:00:00Z"), 400, "INVALID_REQUEST");
        assertProblem(member.post("/staff", """
                        {"staffId": "would-be-office", "displayName": "Would-be office", "unit": "LTS",
                         "roles": ["CONSORTIUM_ADMIN"], "liaisonUnits": [], "performedBy": "admin"}"""), 422, "INVALID_DEFINITION");
        assertProblem(member.get("/staff/would-be-office"), 404, "UNKNOWN_STAFF");
    }
}
