package org.signoff.api.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.projections.masterlist.api.MasterListView.SignedOff;

/**
 * What the master list page shows of a person beyond the list itself: who approved them (by name), whether their
 * sign-off came from the old list, is about to expire (its systems librarians were asked to recertify it) or is
 * suspended meanwhile (off the list until a new version of a reading is confirmed), each job's suspended people.
 */
public record MasterListPage(
        List<MasterListView.Scope> scopes,
        Map<String, List<SignedOff>> suspendedByJob,
        Set<String> expiringTickets,
        PageNames names) {

    public MasterListPage {
        scopes = List.copyOf(scopes);
        suspendedByJob = Map.copyOf(suspendedByJob);
        expiringTickets = Set.copyOf(expiringTickets);
    }

    /** The list's scopes and the suspended sign-offs, job by job (variants together). */
    static Map<String, List<SignedOff>> byJob(List<MasterListView.Scope> scopes) {
        Map<String, List<SignedOff>> byJob = new LinkedHashMap<>();
        people(scopes)
                .forEach(entry -> byJob.computeIfAbsent(entry.jobId(), job -> new ArrayList<>())
                        .add(entry.person()));
        return byJob;
    }

    /** Everyone of these scopes, with their job. */
    static Stream<Listed> people(List<MasterListView.Scope> scopes) {
        return scopes.stream()
                .flatMap(scope -> scope.jobs().stream())
                .flatMap(job -> Stream.concat(
                                job.staff().stream(),
                                job.variants().stream().flatMap(variant -> variant.staff().stream()))
                        .map(person -> new Listed(job.jobId(), person)));
    }

    /** A person listed under a job. */
    record Listed(String jobId, SignedOff person) {}

    public List<SignedOff> suspended(String jobId) {
        return suspendedByJob.getOrDefault(jobId, List.of());
    }

    public boolean expiring(SignedOff person) {
        return expiringTickets.contains(person.ticketId());
    }

    public boolean migrated(SignedOff person) {
        return person.migratedFrom() != null;
    }

    /** Since when, until when if it lapses, approved by whom (nobody named for one from the old list without). */
    public String since(SignedOff person) {
        StringBuilder text = new StringBuilder("since ").append(PageFormat.INSTANCE.date(person.approvedAt()));
        if (person.validUntil() != null) {
            text.append(", until ").append(PageFormat.INSTANCE.date(person.validUntil()));
        }
        if (person.approvedBy() != null) {
            text.append(", approved by ").append(names.of(person.approvedBy()));
        }
        return text.toString();
    }

    /** A person's name on the list. */
    public String name(SignedOff person) {
        return person.displayName() != null ? person.displayName() : names.of(person.staffId());
    }
}
