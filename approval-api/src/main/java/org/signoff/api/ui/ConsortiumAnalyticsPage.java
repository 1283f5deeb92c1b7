package org.signoff.api.ui;

import java.util.Comparator;
import java.util.List;

import org.signoff.api.consortium.ConsortiumAnalytics;
import org.signoff.api.consortium.ConsortiumAnalytics.SharedJobFigures;
import org.signoff.api.consortium.ConsortiumAnalytics.StepFigures;
import org.signoff.ticket.api.TicketStatus;

/**
 * The consortium's analytics as the page shows them: per shared job, the institutions side by side on each step (in
 * the process's order), and a withheld figure as what it is: a count of fewer than the minimum cell, or nothing.
 */
public record ConsortiumAnalyticsPage(ConsortiumAnalytics.Analytics analytics) {

    /** One step of one institution. */
    public record StepRow(String step, String institution, StepFigures figures) {}

    /** The job's waits, step by step, each step's institutions in the order of the job's. */
    public List<StepRow> steps(SharedJobFigures job) {
        List<String> institutions = job.institutions().stream()
                .map(ConsortiumAnalytics.InstitutionFigures::institution)
                .toList();
        return job.institutions().stream()
                .flatMap(institution -> institution.steps().stream()
                        .map(step -> new StepRow(step.step(), institution.institution(), step)))
                .sorted(Comparator.comparing((StepRow row) -> processOrder(row.step()))
                        .thenComparing(row -> institutions.indexOf(row.institution())))
                .toList();
    }

    /** A count as shown: the number, or "fewer than N" when withheld. */
    public String count(Long count) {
        return count != null ? String.valueOf(count) : "fewer than " + analytics.minimumCell();
    }

    private static int processOrder(String step) {
        try {
            return TicketStatus.valueOf(step).ordinal();
        } catch (IllegalArgumentException notAStatus) {
            return Integer.MAX_VALUE;
        }
    }
}
