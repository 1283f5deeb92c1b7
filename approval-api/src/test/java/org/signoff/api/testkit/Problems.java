package org.signoff.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.signoff.api.testkit.Api.Response;

/** What every refusal answers: its status, as an RFC 9457 problem, with its stable code. */
public final class Problems {

    private Problems() {}

    public static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }
}
