package org.signoff.api.alma;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/**
 * Alma did not answer in time, refused the connection, answered with a server error, or held its per-second
 * threshold past the retries: a {@code 503 ALMA_UNAVAILABLE} with {@code Retry-After}; the step can be taken again
 * later, or by hand.
 */
public class AlmaUnavailable extends ProblemException {

    /** Seconds a client waits before it sends the request again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    AlmaUnavailable(AlmaEnvironment environment, String why) {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                "ALMA_UNAVAILABLE",
                "Alma (" + environment.label() + ") " + why + "; nothing was done: try again later",
                Map.of("environment", environment.label()));
    }

    @Override
    public Map<String, String> headers() {
        return Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }
}
