package org.signoff.api.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.signoff.common.CommandRejected;
import org.signoff.common.InstitutionScope;
import org.signoff.common.Rejection;

/**
 * Every failure as an RFC 9457 problem response with a stable {@code code}: 400 malformed or invalid input,
 * 401 not authenticated, 403 the performer may not take the step, 404 unknown ticket, job or person (which kind is
 * said where the command is sent, see {@code Commands}), 409 out of order or conflicting, 415 a body that does not
 * say it is JSON, 422 against a business rule. Never a stack trace.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final RefusalRecord refusals;

    ProblemResponses(RefusalRecord refusals) {
        this.refusals = refusals;
    }

    /** A refusal by the domain; one of who may act (403) goes on the auditors' record. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(CommandRejected rejected, HttpServletRequest request) {
        HttpStatus status = status(rejected.rejection().kind());
        if (status == HttpStatus.FORBIDDEN) {
            refusals.record(request, rejected.rejection().name());
        }
        ResponseEntity<ProblemDetail> problem =
                problem(status, rejected.rejection().name(), rejected.getMessage());
        rejected.details().forEach(problem.getBody()::setProperty);
        return problem;
    }

    /**
     * A refusal by a room above (who may act, an idempotency key, a sender's signature); one of who the caller is
     * (401: a webhook post its sender did not sign) or what they may do (403) goes on the record.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ProblemException refused, HttpServletRequest request) {
        if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.UNAUTHORIZED) {
            refusals.record(request, refused.code());
        }
        ProblemDetail problem = detail(refused.status(), refused.code(), refused.getMessage());
        refused.members().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused.status());
        refused.headers().forEach((name, value) -> answer.header(name, value));
        return answer.body(problem);
    }

    @ExceptionHandler
    ResponseEntity<Object> unknownParameters(KnownParameters.UnknownParameters unknown) {
        return body(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", unknown.getMessage(), unknown.errors());
    }

    /** An id that no id of the caller's institution can be (it holds the separator of keys): it names nothing. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> foreign(InstitutionScope.ForeignKey foreign) {
        return problem(HttpStatus.NOT_FOUND, Rejection.UNKNOWN_INSTITUTION.name(), "No such id in this institution");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException exists) {
        return problem(HttpStatus.CONFLICT, Rejection.ALREADY_EXISTS.name(), "It exists already");
    }

    /** Two commands raced on one aggregate, or on one row of the command side's tables: one of them lost. */
    @ExceptionHandler({ConcurrencyException.class, DuplicateKeyException.class})
    ResponseEntity<ProblemDetail> concurrent(Exception concurrent) {
        return problem(
                HttpStatus.CONFLICT,
                "CONCURRENT_CHANGE",
                "Someone else changed it at the same moment; read it again and retry");
    }

    /** A step sent with {@code If-Match} for a version the ticket has moved on from: 412, naming the current one. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException stale) {
        ProblemDetail problem = detail(
                HttpStatus.PRECONDITION_FAILED,
                "STALE_VERSION",
                "The ticket is at version " + stale.getActualVersion() + ", not " + stale.getExpectedVersion()
                        + "; read it again and decide on what it is now");
        problem.setProperty("currentVersion", stale.getActualVersion());
        problem.setProperty("expectedVersion", stale.getExpectedVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag("\"" + stale.getActualVersion() + "\"")
                .body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException unauthenticated) {
        return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Say who you are first");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException denied) {
        return problem(HttpStatus.FORBIDDEN, "ACCESS_DENIED", "You may not do this");
    }

    /** Whatever the domain refused may arrive wrapped, e.g. from a handler that ran at commit. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> other(Exception exception, HttpServletRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandRejected rejected) {
                return rejected(rejected, request);
            }
            if (cause instanceof AggregateStreamCreationException exists) {
                return alreadyExists(exists);
            }
            if (cause instanceof InstitutionScope.ForeignKey foreign) {
                return foreign(foreign);
            }
            if (cause instanceof ConcurrencyException || cause instanceof DuplicateKeyException) {
                return concurrent((Exception) cause);
            }
            if (cause instanceof ConflictingAggregateVersionException stale) {
                return staleVersion(stale);
            }
        }
        if (StoreUnavailable.causedBy(exception)) {
            StoreUnavailable.logged(exception);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailable.RETRY_AFTER_SECONDS))
                    .body(StoreUnavailable.problem());
        }
        log.error("Unexpected failure", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Something went wrong on our side");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                "'" + mismatch.getValue() + "' is not a valid " + mismatch.getName());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(RequestSizeLimit.tooLarge(tooLarge.limit()));
            }
        }
        return body(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", unreadable(ex.getMostSpecificCause()), null);
    }

    /** What was wrong with the body, in the caller's terms: the field and what it takes, not our class names. */
    private static String unreadable(Throwable cause) {
        if (cause instanceof InvalidFormatException invalid
                && !invalid.getPath().isEmpty()) {
            Class<?> target = invalid.getTargetType();
            String expected = target != null && target.isEnum()
                    ? "one of " + Arrays.toString(target.getEnumConstants())
                    : "a " + (target == null ? "value" : target.getSimpleName().toLowerCase(Locale.ROOT));
            return "'" + field(invalid) + "' is " + quoted(invalid.getValue()) + ", but takes " + expected;
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return "'" + field(mismatch) + "' has the wrong type of value";
        }
        if (cause instanceof MismatchedInputException) {
            return "The body must be a JSON object";
        }
        if (cause instanceof JacksonException json) {
            return "The body is not valid JSON: " + firstLine(json.getOriginalMessage());
        }
        return "The body is missing or unreadable";
    }

    private static String field(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String quoted(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .toList();
        return body(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request has invalid fields: " + errors, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = ex.getAllErrors().stream()
                .map(e -> String.valueOf(e.getDefaultMessage()))
                .toList();
        return body(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request has invalid values: " + errors, errors);
    }

    /** Spring's own problems (404 no such path, 405, 415, ...) get a code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", HttpStatus.valueOf(statusCode.value()).name());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> body(HttpStatus status, String code, String detail, List<String> errors) {
        ProblemDetail problem = detail(status, code, detail);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(detail(status, code, detail));
    }

    private static ProblemDetail detail(HttpStatus status, String code, String detail) {
        return Problems.problem(status, code, detail);
    }

    private static HttpStatus status(Rejection.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
