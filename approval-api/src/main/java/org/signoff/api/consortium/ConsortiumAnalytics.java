package org.signoff.api.consortium;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

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
 * institution can be in them. A job of an institution's own (not adopted from the shared catalog) is not compared.
 */
@Component
class ConsortiumAnalytics {

    /** The analytics of a period. */
    record Analytics(Instant from, Instant to, List<String> sharingInstitutions, List<SharedJobFigures> jobs) {}

    /** One shared job, the sharing institutions side by side. */
    record SharedJobFigures(String sharedJobId, String name, List<InstitutionFigures> institutions) {}

    /**
     * @param retestsPerTestedTicket retests asked per ticket that reached its Sandbox test
     * @param signOffsInForce        the sign-offs on the master list now
     */
    record InstitutionFigures(
            String institution,
            long opened,
            long completed,
            double retestsPerTestedTicket,
            long signOffsInForce,
            List<StepFigures> steps) {}

    /** The waits on one step that ended in the period: how many, the median and the 90th percentile. */
    record StepFigures(String step, long waits, Duration median, Duration p90) {}

    private final Institutions institutions;
    private final SharedJobs sharedJobs;
    private final QueryGateway queries;

    ConsortiumAnalytics(Institutions institutions, SharedJobs sharedJobs, QueryGateway queries) {
        this.institutions = institutions;
        this.sharedJobs = sharedJobs;
        this.queries = queries;
    }

    Analytics of(Instant from, Instant to) {
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
                        .add(new InstitutionFigures(
                                institution.code().value(),
                                job.opened(),
                                job.completed(),
                                job.retestsPerTicket(),
                                signOffsInForce(list, job.jobId()),
                                job.steps().stream()
                                        .map(step ->
                                                new StepFigures(step.step(), step.waits(), step.median(), step.p90()))
                                        .toList())));
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
        return new Analytics(from, to, sharing, jobs);
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
