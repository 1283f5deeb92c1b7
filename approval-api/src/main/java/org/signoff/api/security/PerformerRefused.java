package org.signoff.api.security;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/** A command names a performer the caller may not act for (403), or none where the caller must name one (400). */
public class PerformerRefused extends ProblemException {

    private PerformerRefused(HttpStatus status, String code, String message, Map<String, Object> members) {
        super(status, code, message, members);
    }

    static PerformerRefused notAllowed(String message) {
        return new PerformerRefused(HttpStatus.FORBIDDEN, "PERFORMER_NOT_ALLOWED", message, Map.of());
    }

    static PerformerRefused missing() {
        String error = "performedBy: an integration names the person it acts for";
        return new PerformerRefused(
                HttpStatus.BAD_REQUEST,
                "INVALID_REQUEST",
                "The request has invalid fields: [" + error + "]",
                Map.of("errors", List.of(error)));
    }
}
