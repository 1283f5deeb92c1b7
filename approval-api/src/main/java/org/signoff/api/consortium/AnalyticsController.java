package org.signoff.api.consortium;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.Identifier;
import org.signoff.api.institution.Institutions;
import org.signoff.api.problem.Problems;
import org.signoff.institution.api.SetAnalyticsSharing;

/**
 * The shared analytics over HTTP: an institution's administrators decide whether it shares its numbers; the
 * consortium's analysts and administrators read the sharing institutions side by side.
 */
@RestController
class AnalyticsController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    /** The periods a benchmark can be about: whole months of them (an instant far out has no next month). */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-01T00:00:00Z");

    private final Commands commands;
    private final Institutions institutions;
    private final ConsortiumAnalytics analytics;

    AnalyticsController(Commands commands, Institutions institutions, ConsortiumAnalytics analytics) {
        this.commands = commands;
        this.institutions = institutions;
        this.analytics = analytics;
    }

    record Sharing(@NotNull Boolean shares, @Identifier String performedBy) {}

    /** Whether the caller's institution shares its numbers. */
    record SharingView(boolean shares) {}

    @PutMapping("/analytics-sharing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> share(@Valid @RequestBody Sharing body) {
        commands.create(new SetAnalyticsSharing(
                commands.ids().code(),
                body.shares(),
                commands.administrator(body.performedBy(), "decides whether the institution shares its numbers")));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/analytics-sharing")
    SharingView sharing() {
        return new SharingView(institutions.sharesAnalytics(commands.ids().code()));
    }

    /**
     * The sharing institutions per shared job and step, over a period (default: the last 30 days), widened to whole
     * calendar months.
     */
    @GetMapping("/consortium/analytics")
    ConsortiumAnalytics.Analytics analytics(
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        for (Instant bound : new Instant[] {from, to}) {
            if (bound != null && (bound.isBefore(EARLIEST) || !bound.isBefore(LATEST))) {
                throw Problems.badRequest("INVALID_REQUEST", "'from' and 'to' lie between 1970 and 9999");
            }
        }
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) {
            throw Problems.badRequest("INVALID_REQUEST", "'from' must come before 'to'");
        }
        return analytics.of(start, end);
    }
}
