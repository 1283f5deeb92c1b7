package org.signoff.api.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.security.AccessRefusals;

/** Refused requests, newest first: who, what, why, how often, per hour. */
@RestController
class AccessRefusalController {

    private final AccessRefusals refusals;

    AccessRefusalController(AccessRefusals refusals) {
        this.refusals = refusals;
    }

    /** @param since the earliest last attempt to list (default: the last 24 hours); at most 1000 rows */
    @GetMapping("/access-refusals")
    List<AccessRefusals.Refusal> list(@RequestParam(required = false) Instant since) {
        return refusals.since(since != null ? since : Instant.now().minus(Duration.ofDays(1)));
    }
}
