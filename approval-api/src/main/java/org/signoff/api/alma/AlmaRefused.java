package org.signoff.api.alma;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/**
 * Alma answered with its error body ({@code errorsExist}, {@code errorList.error[]}): a {@code 502 ALMA_REFUSED}
 * naming Alma's first error code and message, e.g. {@code 401861} for an unknown user.
 */
public class AlmaRefused extends ProblemException {

    private final String almaCode;

    AlmaRefused(AlmaEnvironment environment, int almaStatus, String almaCode, String almaMessage) {
        super(
                HttpStatus.BAD_GATEWAY,
                "ALMA_REFUSED",
                "Alma (" + environment.label() + ") refused the request with " + almaCode + ": " + almaMessage,
                Map.of(
                        "environment", environment.label(),
                        "almaStatus", almaStatus,
                        "almaCode", almaCode,
                        "almaMessage", almaMessage));
        this.almaCode = almaCode;
    }

    /** Alma's own error code, e.g. {@code 401861}. */
    public String almaCode() {
        return almaCode;
    }
}
