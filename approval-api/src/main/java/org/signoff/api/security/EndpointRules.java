package org.signoff.api.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import org.signoff.client.api.Operation;

/**
 * The operation each endpoint needs. An endpoint without a rule here is refused to everyone (and a test fails for
 * it); what the person behind the call may do is then the aggregates' business, by their roles.
 */
public final class EndpointRules {

    /** One endpoint: method and path pattern ({@code *} is one path segment), and the operation it needs. */
    public record Rule(HttpMethod method, String pattern, Operation operation) {}

    public static final List<Rule> RULES = List.of(
            new Rule(POST, "/tickets", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/readings", Operation.READINGS_WRITE),
            new Rule(POST, "/tickets/*/request", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/sandbox-grant", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/sandbox-grant/alma", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/sandbox-test", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/approval", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/retest-request", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/denial", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/role-request", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/role-update", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/role-update/alma", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/production-roles/take-back", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/withdrawal", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/revocation", Operation.TICKETS_WRITE),
            new Rule(POST, "/tickets/*/recertification", Operation.TICKETS_WRITE),
            new Rule(GET, "/tickets", Operation.TICKETS_READ),
            new Rule(GET, "/work-queue", Operation.TICKETS_READ),
            new Rule(GET, "/statistics", Operation.MASTER_LIST_READ),
            new Rule(POST, "/master-list/imports", Operation.STAFF_WRITE),
            new Rule(GET, "/tickets/by-support-ticket", Operation.TICKETS_READ),
            new Rule(GET, "/tickets/*", Operation.TICKETS_READ),
            new Rule(GET, "/master-list", Operation.MASTER_LIST_READ),
            new Rule(GET, "/recertifications", Operation.MASTER_LIST_READ),
            new Rule(POST, "/recertification-campaigns", Operation.TICKETS_WRITE),
            new Rule(GET, "/recertification-campaigns/*", Operation.MASTER_LIST_READ),
            new Rule(GET, "/jobs", Operation.JOBS_READ),
            new Rule(GET, "/jobs/*", Operation.JOBS_READ),
            new Rule(POST, "/jobs", Operation.JOBS_WRITE),
            new Rule(PUT, "/jobs/*", Operation.JOBS_WRITE),
            new Rule(PUT, "/jobs/*/alma-side", Operation.JOBS_WRITE),
            new Rule(PUT, "/jobs/*/required-classes", Operation.JOBS_WRITE),
            new Rule(GET, "/training-classes", Operation.JOBS_READ),
            new Rule(POST, "/training-classes", Operation.JOBS_WRITE),
            new Rule(POST, "/jobs/*/retirement", Operation.JOBS_WRITE),
            new Rule(GET, "/staff", Operation.STAFF_READ),
            new Rule(GET, "/staff/*", Operation.STAFF_READ),
            new Rule(GET, "/staff/*/permissions", Operation.AUDIT_READ),
            new Rule(GET, "/staff/*/standing", Operation.MASTER_LIST_READ),
            new Rule(GET, "/staff/*/attendance", Operation.STAFF_READ),
            new Rule(GET, "/staff/*/history", Operation.AUDIT_READ),
            new Rule(GET, "/jobs/*/history", Operation.AUDIT_READ),
            new Rule(POST, "/staff", Operation.STAFF_WRITE),
            new Rule(PUT, "/staff/*", Operation.STAFF_WRITE),
            new Rule(PUT, "/staff/*/alma-primary-id", Operation.STAFF_WRITE),
            new Rule(POST, "/staff/*/attendance", Operation.TRAINING_WRITE),
            new Rule(POST, "/attendance-imports", Operation.TRAINING_WRITE),
            new Rule(POST, "/staff/*/departure", Operation.STAFF_WRITE),
            new Rule(POST, "/staff/*/erasure", Operation.STAFF_WRITE),
            new Rule(GET, "/api-clients", Operation.CLIENTS_WRITE),
            new Rule(POST, "/api-clients", Operation.CLIENTS_WRITE),
            new Rule(POST, "/api-clients/*/rotation", Operation.CLIENTS_WRITE),
            new Rule(POST, "/api-clients/*/revocation", Operation.CLIENTS_WRITE),
            new Rule(GET, "/access-refusals", Operation.AUDIT_READ),
            new Rule(GET, "/ledger/head", Operation.AUDIT_READ),
            new Rule(GET, "/ledger/events", Operation.AUDIT_READ),
            new Rule(GET, "/ledger/verification", Operation.AUDIT_READ),
            new Rule(GET, "/consortium/ledger/head", Operation.CONSORTIUM_READ),
            new Rule(GET, "/consortium/ledger/verification", Operation.CONSORTIUM_READ),
            new Rule(GET, "/alma/drift", Operation.AUDIT_READ),
            new Rule(POST, "/webhooks", Operation.CLIENTS_WRITE),
            new Rule(GET, "/webhooks", Operation.CLIENTS_WRITE),
            new Rule(DELETE, "/webhooks/*", Operation.CLIENTS_WRITE),
            new Rule(GET, "/webhooks/*/deliveries", Operation.CLIENTS_WRITE),
            new Rule(POST, "/webhooks/*/redelivery", Operation.CLIENTS_WRITE),
            new Rule(POST, "/webhooks/*/secret-rotation", Operation.CLIENTS_WRITE),
            new Rule(GET, "/read-models", Operation.CLIENTS_WRITE),
            new Rule(GET, "/read-models/*", Operation.CLIENTS_WRITE),
            new Rule(POST, "/read-models/*/rebuild", Operation.CLIENTS_WRITE),
            new Rule(GET, "/wiki-publication", Operation.CLIENTS_WRITE),
            new Rule(POST, "/wiki-publication/publication", Operation.CLIENTS_WRITE),
            new Rule(POST, "/shared-jobs", Operation.CONSORTIUM_WRITE),
            new Rule(PUT, "/shared-jobs/*", Operation.CONSORTIUM_WRITE),
            new Rule(GET, "/shared-jobs", Operation.JOBS_READ),
            new Rule(POST, "/shared-jobs/*/adoption", Operation.JOBS_WRITE),
            new Rule(PUT, "/analytics-sharing", Operation.CLIENTS_WRITE),
            new Rule(GET, "/analytics-sharing", Operation.CLIENTS_WRITE),
            new Rule(GET, "/consortium/analytics", Operation.CONSORTIUM_READ),
            new Rule(POST, "/institutions", Operation.CONSORTIUM_WRITE),
            new Rule(GET, "/institutions", Operation.CONSORTIUM_READ));

    /**
     * What is the engine's as a whole: the default institution's (the one that runs the engine). To a member's
     * caller these do not exist (404). Each institution's Alma and wiki page are its own, reached by the same paths.
     */
    public static final List<String> DEFAULT_INSTITUTION_ONLY =
            List.of("/read-models", "/read-models/**", "/actuator/**", "/institutions", "/consortium/**");

    /** Whether a path is the default institution's only ({@link #DEFAULT_INSTITUTION_ONLY}). */
    public static boolean defaultInstitutionOnly(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return DEFAULT_INSTITUTION_ONLY.stream()
                .anyMatch(pattern -> PATTERNS.parse(pattern).matches(container));
    }

    /** What anyone may read without a key: the health check, and the published contract (OpenAPI, Swagger UI). */
    public static final List<String> OPEN_TO_READ = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/v3/api-docs.yaml",
            "/swagger-ui.html",
            "/swagger-ui/**");

    /**
     * What another system calls and authenticates by signing the body, not with a key: open at the door, and the
     * endpoint itself refuses a post its sender did not sign. Alma's webhook listener (alma/).
     */
    public static final List<String> SIGNED_BY_SENDER = List.of("/alma/webhook");

    private static final PathPatternParser PATTERNS = new PathPatternParser();

    /** Whether a GET of this path is open to anyone. */
    public static boolean openToRead(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return OPEN_TO_READ.stream().anyMatch(pattern -> PATTERNS.parse(pattern).matches(container));
    }

    /**
     * The endpoint a request was for, as its rule names it ({@code POST /tickets/*}{@code /approval}), a signed one as
     * it is ({@code POST /alma/webhook}), or "other".
     */
    public static String endpointOf(String method, String path) {
        if (SIGNED_BY_SENDER.contains(path)) {
            return method + " " + path;
        }
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream()
                .filter(rule -> rule.method().name().equals(method)
                        && PATTERNS.parse(rule.pattern()).matches(container))
                .map(rule -> rule.method() + " " + rule.pattern())
                .findFirst()
                .orElse("other");
    }

    private EndpointRules() {}
}
