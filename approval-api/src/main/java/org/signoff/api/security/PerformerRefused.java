package org.signoff.api.security;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A command names a performer the caller may not act for (403), or none where the caller must name one (400). */
public class PerformerRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<String> errors;

    private PerformerRefused(HttpStatus status, String code, String message, List<String> errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = errors;
    }

    static PerformerRefused notAllowed(String message) {
        return new PerformerRefused(HttpStatus.FORBIDDEN, "PERFORMER_NOT_ALLOWED", message, null);
    }

    static PerformerRefused missing() {
        String error = "performedBy: an integration names the person it acts for";
        return new PerformerRefused(
                HttpStatus.BAD_REQUEST,
                "INVALID_REQUEST",
                "The request has invalid fields: [" + error + "]",
                List.of(error));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> errors() {
        return errors;
    }
}
