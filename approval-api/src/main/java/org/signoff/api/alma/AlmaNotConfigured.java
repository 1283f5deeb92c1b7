package org.signoff.api.alma;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/**
 * A step asked to act in an environment that has no connection: 409, as the step by hand is open and only a setting
 * mends this one. Not 503, which says "later".
 */
class AlmaNotConfigured extends ProblemException {

    AlmaNotConfigured(AlmaEnvironment environment, String instead) {
        super(
                HttpStatus.CONFLICT,
                "ALMA_NOT_CONFIGURED",
                "No Alma " + environment.label() + " connection is configured (approval.alma." + environment.label()
                        + ".base-url): " + instead,
                Map.of("environment", environment.label()));
    }
}
