package org.signoff.api.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.signoff.projections.masterlist.api.MasterListView;

/**
 * What the master list page keeps of the list for a search: a job whose name or scope matches keeps all its
 * people; otherwise the people whose name, staff id or unit matches. Jobs and scopes left empty by a search go.
 */
record Search(String text) {

    static Search of(String text) {
        return new Search(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    }

    List<MasterListView.Scope> in(MasterListView list) {
        if (text.isEmpty()) {
            return list.scopes();
        }
        return list.scopes().stream()
                .map(scope -> new MasterListView.Scope(
                        scope.scope(),
                        scope.jobs().stream()
                                .map(job -> matches(job.name()) || matches(scope.scope()) ? job : people(job))
                                .filter(Objects::nonNull)
                                .toList()))
                .filter(scope -> !scope.jobs().isEmpty())
                .toList();
    }

    private MasterListView.Job people(MasterListView.Job job) {
        List<MasterListView.SignedOff> staff =
                job.staff().stream().filter(this::matches).toList();
        List<MasterListView.Variant> variants = job.variants().stream()
                .map(variant -> new MasterListView.Variant(
                        variant.variant(),
                        variant.staff().stream().filter(this::matches).toList()))
                .filter(variant -> !variant.staff().isEmpty())
                .toList();
        return staff.isEmpty() && variants.isEmpty()
                ? null
                : new MasterListView.Job(job.jobId(), job.name(), job.notes(), job.retired(), staff, variants);
    }

    private boolean matches(MasterListView.SignedOff person) {
        return matches(person.displayName()) || matches(person.staffId()) || matches(person.unit());
    }

    private boolean matches(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }
}
