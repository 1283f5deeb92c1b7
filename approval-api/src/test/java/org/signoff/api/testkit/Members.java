package org.signoff.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.signoff.api.testkit.Api.Response;

/**
 * Member institutions of the consortium, as its administrator registers them: each with its first administrator
 * ({@code admin}, like the default institution's) and a catalog like the seed's, so a {@link Scenario} runs in it as
 * it does in the default institution.
 */
public final class Members {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Members() {}

    /**
     * A consortium administrator of the default institution, with a key of their own: the default institution's
     * administrator makes them.
     */
    public static Api consortiumAdministrator(Api defaultAdmin) {
        String id = "consortium-office-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Response person = defaultAdmin.post("/staff", """
                {"staffId": "%s", "displayName": "Consortium Office", "unit": "BLC",
                 "roles": ["CONSORTIUM_ADMIN", "CONSORTIUM_ANALYST"], "liaisonUnits": [], "performedBy": "admin"}""".formatted(id));
        assertThat(person.status())
                .as("the consortium administrator: %s", person.body())
                .isEqualTo(201);
        Response key = defaultAdmin.post("/api-clients", """
                {"clientId": "%s-key", "name": "Consortium office", "staffId": "%s",
                 "operations": ["consortium:write", "consortium:read", "jobs:read"]}""".formatted(id, id));
        assertThat(key.status()).as("their key: %s", key.body()).isEqualTo(201);
        return defaultAdmin.withKey(key.body().get("key").asText());
    }

    /** A new member, registered by a consortium administrator: the key of its first administrator, {@code admin}. */
    public static Api register(Api consortium, String code, String name) {
        Response registered = consortium.post("/institutions", """
                {"code": "%s", "name": "%s",
                 "firstAdministrator": {"staffId": "admin", "displayName": "%s Administrator", "unit": "LTS"}}""".formatted(code, name, name));
        assertThat(registered.status())
                .as("registering %s: %s", code, registered.body())
                .isEqualTo(201);
        return consortium.withKey(registered.body().get("key").asText());
    }

    /**
     * The seed's job Change physical items and the three classes a {@link Scenario}'s people attend, in a member's
     * own catalog (a member starts with none), each title ending with {@code marker}.
     */
    public static void catalogLikeTheSeed(Api memberAdmin, String marker) {
        String[][] classes = {
            {"introduction-to-alma", "true"}, {"search-and-sets", "true"}, {"holdings-and-items", "false"}
        };
        for (String[] trainingClass : classes) {
            Response added = memberAdmin.post(
                    "/training-classes", """
                    {"classId": "%s", "title": "%s %s", "functionalArea": "Alma Overviews",
                     "requiredOfEveryJob": %s, "performedBy": "admin"}""".formatted(trainingClass[0], trainingClass[0], marker, trainingClass[1]));
            assertThat(added.status())
                    .as("class %s: %s", trainingClass[0], added.body())
                    .isEqualTo(201);
        }
        Response job = memberAdmin.post("/jobs", """
                {"jobId": "%s", "performedBy": "admin", "definition": {"scope": "Items",
                 "name": "Change physical items %s", "requiredReadings": [
                   {"documentId": "jobs-overview", "title": "Jobs overview", "version": "1"},
                   {"documentId": "required-readings", "title": "Required Readings", "version": "1"},
                   {"documentId": "change-physical-items-doc", "title": "The job's documentation", "version": "1"}]}}""".formatted(Scenario.CHANGE_ITEMS, marker));
        assertThat(job.status()).as("the job: %s", job.body()).isEqualTo(201);
        Response required = memberAdmin.put("/jobs/" + Scenario.CHANGE_ITEMS + "/required-classes", """
                {"classIds": ["holdings-and-items"], "performedBy": "admin"}""");
        assertThat(required.status()).as("its classes: %s", required.body()).isIn(200, 204);
    }
}
