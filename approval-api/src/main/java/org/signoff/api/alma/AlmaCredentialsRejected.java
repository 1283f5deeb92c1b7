package org.signoff.api.alma;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/**
 * Alma did not take the environment's API key (401, 403, or 400 with {@code UNAUTHORIZED}): a
 * {@code 502 ALMA_CREDENTIALS_REJECTED}, for an administrator to mend the setting. It never carries the key.
 */
public class AlmaCredentialsRejected extends ProblemException {

    AlmaCredentialsRejected(AlmaEnvironment environment, int almaStatus) {
        super(
                HttpStatus.BAD_GATEWAY,
                "ALMA_CREDENTIALS_REJECTED",
                "Alma (" + environment.label() + ") rejected the API key (HTTP " + almaStatus
                        + "); an administrator checks approval.alma." + environment.label() + ".api-key",
                Map.of("environment", environment.label(), "almaStatus", almaStatus));
    }
}
