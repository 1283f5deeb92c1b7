package org.signoff.api.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal that a room above knows how to answer: its status, its stable {@code code}, the detail, and any further
 * members of the problem (e.g. {@code errors}). The rooms extend it and {@link ProblemResponses} answers every one
 * the same way, so this room needs to know none of them.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> members;

    protected ProblemException(HttpStatus status, String code, String detail, Map<String, Object> members) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.members = Map.copyOf(members);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The members the problem carries beyond type, title, status, detail and code. */
    public Map<String, Object> members() {
        return members;
    }

    /** Headers the answer carries, e.g. {@code Retry-After} for a refusal that passes. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
