package org.signoff.api.command;

import java.util.Map;

import org.springframework.http.HttpStatus;

import org.signoff.api.problem.ProblemException;

/** An {@code Idempotency-Key} that cannot be honoured: not a key (400), or a key sent with another request (422). */
public class IdempotencyRefused extends ProblemException {

    private IdempotencyRefused(HttpStatus status, String code, String message) {
        super(status, code, message, Map.of());
    }

    static IdempotencyRefused invalid() {
        return new IdempotencyRefused(
                HttpStatus.BAD_REQUEST,
                "INVALID_REQUEST",
                "An Idempotency-Key is 1 to 200 visible ASCII characters, e.g. a UUID");
    }

    static IdempotencyRefused reused(String key) {
        return new IdempotencyRefused(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "IDEMPOTENCY_KEY_REUSED",
                "The Idempotency-Key '" + key + "' was used for another request; a new request takes a new key");
    }
}
