package org.signoff.api.security;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import org.signoff.client.api.Operation;

/**
 * The page's sign-in with a person's own API key, held to the API's rules: an address that failed too often is
 * refused for a while before the key is looked at, and each refusal is on record ({@code GET /access-refusals}).
 */
@Component
public class PageSignIn {

    private final ApiKeys keys;
    private final FailedAttempts failedAttempts;
    private final AccessRefusals refusals;

    PageSignIn(ApiKeys keys, FailedAttempts failedAttempts, AccessRefusals refusals) {
        this.keys = keys;
        this.failedAttempts = failedAttempts;
        this.refusals = refusals;
    }

    /**
     * @param caller     the person signed in, or empty when refused
     * @param retryAfter set when the address is refused for having failed too often
     */
    public record Outcome(Optional<Authentication> caller, Optional<Duration> retryAfter) {}

    /** A person's own key that lets them read the master list signs them in. */
    public Outcome signIn(String key, HttpServletRequest request) {
        Optional<Duration> refused = failedAttempts.refusedFor(request);
        if (refused.isPresent()) {
            refusals.record(request, "TOO_MANY_FAILED_ATTEMPTS");
            return new Outcome(Optional.empty(), refused);
        }
        Optional<Authentication> caller = keys.signIn(key)
                .filter(found -> found.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals(Operation.MASTER_LIST_READ.value())));
        if (caller.isEmpty()) {
            refusals.record(request, "UNAUTHENTICATED");
            failedAttempts.failedSignIn(request);
        }
        return new Outcome(caller, Optional.empty());
    }
}
