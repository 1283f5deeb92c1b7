package org.signoff.api.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import org.signoff.api.problem.Problems;

/** The security filters' refusals as the problem responses the rest of the API gives: 401 and 403, with a code. */
@Component
class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Both ways in: an API key, or a bearer token where an identity provider is configured. */
    private static final String CHALLENGE =
            "ApiKey realm=\"approval-engine\", header=\"" + ApiKeys.HEADER + "\", Bearer realm=\"approval-engine\"";

    private final AccessRefusals refusals;
    private final FailedAttempts failedAttempts;

    ProblemAnswers(AccessRefusals refusals, FailedAttempts failedAttempts) {
        this.refusals = refusals;
        this.failedAttempts = failedAttempts;
    }

    /** A source that failed too often is refused before its credentials are looked at: 429, with Retry-After. */
    void tooManyFailures(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        refusals.record(request, "TOO_MANY_FAILED_ATTEMPTS");
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds() + 1)));
        Problems.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "TOO_MANY_FAILED_ATTEMPTS",
                        "Too many failed attempts to authenticate; try again later"));
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        refusals.record(request, "UNAUTHENTICATED");
        failedAttempts.failed(request);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        boolean presented =
                request.getHeader(ApiKeys.HEADER) != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        Problems.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.UNAUTHORIZED,
                        "UNAUTHENTICATED",
                        presented
                                ? "The API key or bearer token is unknown, revoked, expired or wrong"
                                : "Say who you are: send your API key in the " + ApiKeys.HEADER + " header"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        refusals.record(request, "ACCESS_DENIED");
        Problems.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.FORBIDDEN, "ACCESS_DENIED", "This API client was not granted this operation"));
    }
}
