package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;

/**
 * What an answer says it is: a client that accepts only {@code application/problem+json} (to read refusals) gets its
 * successes as {@code application/json} (or a 406 where an endpoint produces other types only) and its refusals as
 * problems.
 */
class ContentTypeTest {

    private final Api problemsOnly = RunningService.shared().api().withHeader("Accept", "application/problem+json");

    @Test
    void aSuccessIsJsonEvenToAClientThatAcceptsOnlyProblems() {
        for (String path : new String[] {"/tickets", "/jobs", "/staff/admin", "/work-queue"}) {
            Response answer = problemsOnly.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.contentType()).as(path).startsWith("application/json");
        }
        // an endpoint that says what it produces (the master list: JSON, CSV, Markdown) refuses the others, as a
        // problem
        Response masterList = problemsOnly.get("/master-list");
        assertThat(masterList.status()).isEqualTo(406);
        assertThat(masterList.contentType()).startsWith("application/problem+json");
        Response created = problemsOnly.post("/staff", """
                {"staffId": "accept-problems", "displayName": "Accept Problems", "unit": "ITS", "roles": ["STAFF"]}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
    }

    @Test
    void aRefusalIsAProblemWhateverTheClientAccepts() {
        for (Api caller : new Api[] {problemsOnly, problemsOnly.withHeader("Accept", "application/json")}) {
            Response unknown = caller.get("/tickets/no-such-ticket");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            Response unauthenticated = caller.withKey(null).get("/tickets");
            assertThat(unauthenticated.status()).isEqualTo(401);
            assertThat(unauthenticated.contentType()).startsWith("application/problem+json");
        }
    }
}
