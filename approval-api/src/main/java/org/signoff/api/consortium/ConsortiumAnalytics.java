package org.signoff.api.consortium;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.catalog.SharedJobs;
import org.signoff.api.institution.Institutions;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.SharedJobId;
import org.signoff.common.InstitutionScope;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.projections.ticket.api.JobStatisticsView;
import org.signoff.projections.ticket.api.StepStatisticsQuery;

/**
 * The consortium's benchmark analytics: the institutions that share, compared per shared job and per step. Each
 * institution's numbers are read from its own statistics and master list, within its walls, and only numbers cross:
 * the figures below are built field by field from counts and durations, so no person, text or ticket of an
 * institution can be in them. A job of an institution's own (not adopted from the shared catalog) is not compared. A
 * figure from fewer tickets than the minimum cell ({@link MinimumCell}) is withheld: null, and named in
 * {@code withheld}.
 */
@Component
public class ConsortiumAnalytics {

    private static final String WITHHELD =
            "The figures of this entry left out (null) because they count, or are computed"
                    + " from, fewer tickets or waits than the minimum cell (a count of none is shown)";

    /**
     * The analytics of a period.
     *
     * @param minimumCell {@code approval.consortium.analytics-minimum-cell}
     */
    public record Analytics(
            Instant from,
            Instant to,

            @Schema(description = "The fewest tickets or waits a figure is shown from; from fewer, it is withheld")
            int minimumCell,

            List<String> sharingInstitutions,
            List<SharedJobFigures> jobs) {}

    /** One shared job, the sharing institutions side by side. */
    public record SharedJobFigures(String sharedJobId, String name, List<InstitutionFigures> institutions) {}

    /**
     * @param retestsPerTestedTicket retests asked per ticket that reached its Sandbox test
     * @param signOffsInForce        the sign-offs on the master list now
     * @param withheld               the figures left out, by name (e.g. {@code opened}): null above
     */
    public record InstitutionFigures(
            String institution,

            @Schema(description = "Tickets opened in the period; null when withheld")
            Long opened,

            @Schema(description = "Tickets completed in the period; null when withheld")
            Long completed,

            @Schema(
                    description = "Retests asked per ticket whose Sandbox test was reported in the period; null when"
                            + " withheld")
            Double retestsPerTestedTicket,

            @Schema(description = "The sign-offs on the master list now; null when withheld")
            Long signOffsInForce,

            @Schema(description = WITHHELD) List<String> withheld,
            List<StepFigures> steps) {}

    /** The waits on one step that ended in the period: how many, the median and the 90th percentile. */
    public record StepFigures(
            String step,

            @Schema(description = "The waits on the step that ended in the period; null when withheld")
            Long waits,

            @Schema(description = "The median wait (nearest rank); null when withheld")
            Duration median,

            @Schema(description = "The 90th percentile wait (nearest rank); null when withheld")
            Duration p90,

            @Schema(description = WITHHELD) List<String> withheld) {}

    private final Institutions institutions;
    private final SharedJobs sharedJobs;
    private final QueryGateway queries;
    private final MinimumCell minimumCell;

    ConsortiumAnalytics(
            Institutions institutions, SharedJobs sharedJobs, QueryGateway queries, ApprovalProperties properties) {
        this.institutions = institutions;
        this.sharedJobs = sharedJobs;
        this.queries = queries;
        this.minimumCell = new MinimumCell(properties.consortium().analyticsMinimumCell());
    }

    /** The first instant of the instant's calendar month, UTC. */
    private static Instant monthOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC)
                .withDayOfMonth(1)
                .truncatedTo(ChronoUnit.DAYS)
                .toInstant();
    }

    /**
     * The sharing institutions per shared job and step over [{@code from}, {@code to}), widened to whole calendar
     * months (UTC), as benchmarks are read: periods cut at any instant could be set one ticket apart, and the
     * difference of two answers, each above the minimum cell, would then be that ticket's waits.
     */
    public Analytics of(Instant requestedFrom, Instant requestedTo) {
        Instant from = monthOf(requestedFrom);
        Instant to = monthOf(requestedTo);
        if (to.isBefore(requestedTo) || !to.isAfter(from)) {
            to = to.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        }
        Map<SharedJobId, List<InstitutionFigures>> byJob = new LinkedHashMap<>();
        List<String> sharing = new ArrayList<>();
        for (InstitutionScope institution : institutions.sharingAnalytics()) {
            sharing.add(institution.code().value());
            MasterListView list = queries.query(
                            FetchMasterListQuery.now(institution), ResponseTypes.instanceOf(MasterListView.class))
                    .join();
            for (JobStatisticsView job : queries.query(
                            new StepStatisticsQuery(institution, from, to, null, null),
                            ResponseTypes.multipleInstancesOf(JobStatisticsView.class))
                    .join()) {
                Optional<SharedJobId> shared = sharedJobs.sharedJobOf(JobId.of(job.jobId()));
                shared.ifPresent(id -> byJob.computeIfAbsent(id, any -> new ArrayList<>())
                        .add(figures(institution, job, signOffsInForce(list, job.jobId()))));
            }
        }
        List<SharedJobFigures> jobs = byJob.entrySet().stream()
                .map(entry -> new SharedJobFigures(
                        entry.getKey().value(),
                        sharedJobs
                                .find(entry.getKey())
                                .map(view -> view.definition().name())
                                .orElse(entry.getKey().value()),
                        entry.getValue()))
                .toList();
        return new Analytics(from, to, minimumCell.size(), sharing, jobs);
    }

    private InstitutionFigures figures(InstitutionScope institution, JobStatisticsView job, long signOffsInForce) {
        List<String> withheld = new ArrayList<>();
        return new InstitutionFigures(
                institution.code().value(),
                minimumCell.count("opened", job.opened(), withheld),
                minimumCell.count("completed", job.completed(), withheld),
                minimumCell.over("retestsPerTestedTicket", job.testedTickets(), job::retestsPerTicket, withheld),
                minimumCell.count("signOffsInForce", signOffsInForce, withheld),
                List.copyOf(withheld),
                job.steps().stream().map(this::figures).toList());
    }

    private StepFigures figures(JobStatisticsView.StepTimes step) {
        List<String> withheld = new ArrayList<>();
        return new StepFigures(
                step.step(),
                minimumCell.count("waits", step.waits(), withheld),
                minimumCell.over("median", step.waits(), step::median, withheld),
                minimumCell.over("p90", step.waits(), step::p90, withheld),
                List.copyOf(withheld));
    }

    private static long signOffsInForce(MasterListView list, String jobKey) {
        return list.scopes().stream()
                .flatMap(scope -> scope.jobs().stream())
                .filter(job -> job.jobId().equals(jobKey))
                .mapToLong(job -> job.staff().size()
                        + job.variants().stream()
                                .mapToLong(variant -> variant.staff().size())
                                .sum())
                .sum();
    }
}
