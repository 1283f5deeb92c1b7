package org.signoff.api.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.input.SingleLine;
import org.signoff.api.problem.Problems;
import org.signoff.api.security.Callers;
import org.signoff.catalog.api.JobId;
import org.signoff.projections.ticket.api.JobStatisticsView;
import org.signoff.projections.ticket.api.StepStatisticsQuery;

/**
 * Step statistics per job over a period: tickets opened, completed, denied, withdrawn and revoked, the time spent
 * waiting on each step (median and 90th percentile), retests per ticket. The period is the last 30 days unless
 * {@code from} and {@code to} say otherwise.
 */
@RestController
class StatisticsController {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final QueryGateway queries;

    private final Callers callers;

    StatisticsController(QueryGateway queries, Callers callers) {
        this.callers = callers;
        this.queries = queries;
    }

    @GetMapping("/statistics")
    List<JobStatisticsView> statistics(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Size(max = 200) @SingleLine String scope,
            @RequestParam(required = false) JobId jobId) {
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) {
            throw Problems.badRequest("INVALID_REQUEST", "'from' must come before 'to'");
        }
        return queries.query(
                        new StepStatisticsQuery(callers.ids(), start, end, scope, jobId == null ? null : jobId.value()),
                        ResponseTypes.multipleInstancesOf(JobStatisticsView.class))
                .join();
    }
}
