package org.signoff.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** A room's refusal that passes (Alma away, say) tells the client when to come back, beside its problem. */
class ProblemHeadersTest {

    @Test
    void aRefusalWithRetryAfterIsAnsweredWithIt() {
        ProblemException away =
                new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "SOMETHING_AWAY",
                        "away for now",
                        Map.of("environment", "sandbox")) {
                    @Override
                    public Map<String, String> headers() {
                        return Map.of("Retry-After", "30");
                    }
                };

        ResponseEntity<ProblemDetail> answer =
                new ProblemResponses(null).refused(away, new MockHttpServletRequest("GET", "/somewhere"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "SOMETHING_AWAY");
    }
}
