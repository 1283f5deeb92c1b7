package org.signoff.api.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.input.Pages;
import org.signoff.api.security.AccessRefusals;
import org.signoff.api.security.Callers;

/** Refused requests, newest first: who, what, why, how often, per hour. */
@RestController
class AccessRefusalController {

    private final AccessRefusals refusals;

    private final Callers callers;

    AccessRefusalController(AccessRefusals refusals, Callers callers) {
        this.refusals = refusals;
        this.callers = callers;
    }

    /** @param since the earliest last attempt to list (default: the last 24 hours) */
    @GetMapping("/access-refusals")
    ResponseEntity<List<AccessRefusals.Refusal>> list(
            @RequestParam(required = false) Instant since,
            @RequestParam(defaultValue = Pages.DEFAULT_LIMIT) @Min(1) @Max(Pages.MAX_LIMIT) int limit,
            @RequestParam(required = false) AccessRefusals.After after) {
        List<AccessRefusals.Refusal> page = refusals.since(
                callers.ids(), since != null ? since : Instant.now().minus(Duration.ofDays(1)), after, limit);
        return Pages.of(page, limit, AccessRefusals::keyOf);
    }
}
