package org.signoff.api.alma;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.signoff.api.problem.ProblemException;
import org.signoff.catalog.api.AlmaRole;
import org.signoff.common.InstitutionScope;
import org.signoff.projections.catalog.api.JobView;
import org.signoff.projections.catalog.api.ListJobsQuery;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.projections.staff.api.ListStaffQuery;
import org.signoff.projections.staff.api.StaffView;

/**
 * The reconciliation an auditor runs: each person's production roles in Alma against the master list. Only the roles
 * a job of the catalog needs in production are weighed (Alma's other roles are not the engine's business): a person
 * signed off on a job without one of its roles active, or holding one with no sign-off in force on any job that needs
 * it, is drift, each with what to do about it. People on the list without an Alma primary id cannot be checked and
 * are listed as such.
 */
@Component
class AlmaDrift {

    private final AlmaConnections connections;
    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();

    AlmaDrift(AlmaConnections connections, QueryGateway queries) {
        this.connections = connections;
        this.queries = queries;
    }

    /** The institution's jobs, sign-offs and people against its own Alma's production. */
    Report report(InstitutionScope within) {
        AlmaConnection production =
                connections.of(within.code(), AlmaEnvironment.PRODUCTION).orElseThrow(ProductionNotConfigured::new);
        Instant checkedAt = clock.instant();
        Map<String, List<AlmaRole>> rolesOfJob = new TreeMap<>();
        queries.query(new ListJobsQuery(within, true), ResponseTypes.multipleInstancesOf(JobView.class))
                .join()
                .forEach(job -> rolesOfJob.put(job.jobId(), job.almaSide().productionRoles()));
        Map<String, Set<String>> signedOff = new TreeMap<>();
        queries.query(FetchMasterListQuery.now(within), ResponseTypes.instanceOf(MasterListView.class))
                .join()
                .scopes()
                .forEach(scope -> scope.jobs().forEach(job -> {
                    job.staff()
                            .forEach(person -> signedOff
                                    .computeIfAbsent(person.staffId(), any -> new LinkedHashSet<>())
                                    .add(job.jobId()));
                    job.variants()
                            .forEach(variant -> variant.staff()
                                    .forEach(person -> signedOff
                                            .computeIfAbsent(person.staffId(), any -> new LinkedHashSet<>())
                                            .add(job.jobId())));
                }));
        List<Person> people = new ArrayList<>();
        for (StaffView person : directory(within)) {
            Set<String> jobs = signedOff.getOrDefault(person.staffId(), Set.of());
            if (person.almaPrimaryId() == null) {
                if (!jobs.isEmpty()) {
                    people.add(new Person(
                            person.staffId(),
                            List.of(Finding.notChecked("no Alma primary id: an administrator sets it "
                                    + "(PUT /staff/{id}/alma-primary-id)"))));
                }
                continue;
            }
            // kept keyed by the institution, as its other ids; Alma knows the login itself
            String login = person.almaPrimaryId().substring(within.prefix().length());
            List<Finding> findings = findings(production, login, jobs, rolesOfJob);
            if (!findings.isEmpty()) {
                people.add(new Person(person.staffId(), findings));
            }
        }
        return new Report(checkedAt, people);
    }

    private static List<Finding> findings(
            AlmaConnection production,
            String almaPrimaryId,
            Set<String> signedOffJobs,
            Map<String, List<AlmaRole>> rolesOfJob) {
        List<AlmaUser.Role> held;
        try {
            held = production.user(almaPrimaryId).roles().stream()
                    .filter(role -> "ACTIVE".equalsIgnoreCase(role.status()))
                    .toList();
        } catch (AlmaRefused unknown) {
            return signedOffJobs.isEmpty()
                    ? List.of()
                    : List.of(Finding.notChecked("Alma's production has no user " + almaPrimaryId + " ("
                            + unknown.almaCode() + "): correct the Alma primary id, or the user in Alma"));
        }
        List<Finding> findings = new ArrayList<>();
        for (String job : signedOffJobs) {
            for (AlmaRole needed : rolesOfJob.getOrDefault(job, List.of())) {
                if (held.stream().noneMatch(role -> same(role, needed))) {
                    findings.add(new Finding(
                            "SIGN_OFF_WITHOUT_ROLE",
                            List.of(job),
                            needed,
                            "give the role in Alma (the support team's step 6), or end the sign-off",
                            null));
                }
            }
        }
        Map<AlmaRole, List<String>> jobsNeeding = new LinkedHashMap<>();
        rolesOfJob.forEach((job, roles) -> roles.forEach(role ->
                jobsNeeding.computeIfAbsent(role, any -> new ArrayList<>()).add(job)));
        jobsNeeding.forEach((role, jobs) -> {
            boolean holds = held.stream().anyMatch(mine -> same(mine, role));
            if (holds && jobs.stream().noneMatch(signedOffJobs::contains)) {
                findings.add(new Finding(
                        "ROLE_WITHOUT_SIGN_OFF",
                        jobs,
                        role,
                        "take the role back in Alma, or sign the person off on one of these jobs",
                        null));
            }
        });
        return findings;
    }

    private static boolean same(AlmaUser.Role held, AlmaRole needed) {
        return held.sameAs(CatalogRoles.inAlma(needed));
    }

    private List<StaffView> directory(InstitutionScope within) {
        List<StaffView> everyone = new ArrayList<>();
        String after = null;
        while (true) {
            List<StaffView> page = queries.query(
                            new ListStaffQuery(within, after, 500), ResponseTypes.multipleInstancesOf(StaffView.class))
                    .join();
            everyone.addAll(page);
            if (page.size() < 500) {
                return everyone;
            }
            after = page.get(page.size() - 1).staffId();
        }
    }

    /** The report: when Alma was asked, and the people with something to reconcile. */
    record Report(Instant checkedAt, List<Person> people) {}

    record Person(String staffId, List<Finding> findings) {}

    /**
     * One thing to reconcile: {@code SIGN_OFF_WITHOUT_ROLE} (signed off on {@code jobs}, the role not active in
     * Alma), {@code ROLE_WITHOUT_SIGN_OFF} (the role active in Alma, no sign-off in force on any of {@code jobs} that
     * need it) or {@code NOT_CHECKED} (why), with what to do about it.
     */
    record Finding(String kind, List<String> jobs, AlmaRole role, String action, String why) {

        static Finding notChecked(String why) {
            return new Finding("NOT_CHECKED", List.of(), null, "make the person checkable", why);
        }
    }

    /** The report reads production's user records: without a production connection it cannot run. */
    static final class ProductionNotConfigured extends ProblemException {
        ProductionNotConfigured() {
            super(
                    HttpStatus.CONFLICT,
                    "ALMA_NOT_CONFIGURED",
                    "Alma's production is not configured (approval.alma.production.base-url): nothing to reconcile",
                    Map.of());
        }
    }
}
