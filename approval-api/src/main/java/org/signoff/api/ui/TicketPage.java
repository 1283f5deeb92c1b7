package org.signoff.api.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.signoff.projections.ticket.api.HistoryEntryView;
import org.signoff.projections.ticket.api.TicketView;
import org.signoff.storage.PersonalData;

/**
 * A ticket as its page shows it: the job and the person by name, its steps in words (the engine's notes of each
 * wait's deadlines left out) with who took them and what they said, the training its request rested on, and the last
 * Sandbox test report, which the reviewer weighs before approving.
 *
 * @param training the request's classes, each with its day ("Holdings &amp; Items (2026-04-08), …"); empty before
 *     the request
 */
public record TicketPage(
        TicketView ticket,
        String jobName,
        String personName,
        String training,
        List<Step> steps,
        TestReport report,
        int reports) {

    private static final String REPORTED = "SandboxTestReported";

    /**
     * @param by     who took it, by name; {@code the engine} for its own doing
     * @param detail what the step names or says (a reading and its version, a reason, a comment), or empty
     */
    public record Step(Instant at, String step, String by, String detail, String statusAfter) {}

    /**
     * A Sandbox test report.
     *
     * @param outcome as words: succeeded, completed with errors, failed
     * @param alma    whether the run was read from Alma's Sandbox (its job, status, counters) or typed, and why
     */
    public record TestReport(
            String jobInstanceRef,
            String recordsProcessed,
            String outcome,
            String alma,
            List<String> attachments,
            String notes,
            String reportedBy,
            Instant reportedAt) {}

    static TicketPage of(TicketView ticket, String jobName, PageNames names) {
        PageFormat format = PageFormat.INSTANCE;
        List<Step> steps = new ArrayList<>();
        TestReport report = null;
        int reports = 0;
        for (HistoryEntryView entry : ticket.history()) {
            if (entry.event().equals("DeadlinesScheduled")) {
                continue;
            }
            String by = entry.performedBy() == null ? "the engine" : names.of(entry.performedBy());
            steps.add(new Step(
                    entry.at(), format.step(entry.event()), by, detail(entry), format.words(entry.statusAfter())));
            if (entry.event().equals(REPORTED)) {
                report = report(entry, by);
                reports++;
            }
        }
        String training = ticket.training().stream()
                .map(attended -> attended.title() + " (" + attended.attendedOn() + ")")
                .collect(Collectors.joining(", "));
        return new TicketPage(
                ticket, jobName, names.of(ticket.ticket().staffId()), training, List.copyOf(steps), report, reports);
    }

    private static TestReport report(HistoryEntryView entry, String by) {
        Map<String, Object> evidence = entry.details().get("evidence") instanceof Map<?, ?> map ? cast(map) : Map.of();
        List<String> attachments = evidence.get("attachments") instanceof List<?> links
                ? links.stream().map(String::valueOf).toList()
                : List.of();
        return new TestReport(
                text(evidence.get("jobInstanceRef")),
                text(evidence.get("recordsProcessed")),
                PageFormat.INSTANCE.words(evidence.get("outcome")),
                alma(entry.details()),
                attachments,
                text(entry.details().get("notes")),
                by,
                entry.at());
    }

    /** "Verified in Alma's Sandbox: job M28, COMPLETED_SUCCESS, Total records 120, …", or why it was typed. */
    private static String alma(Map<String, Object> details) {
        if (!(details.get("almaRun") instanceof Map<?, ?> run)) {
            return details.get("notVerifiedBecause") == null
                    ? "typed by hand"
                    : "typed by hand: " + details.get("notVerifiedBecause");
        }
        List<String> parts = new ArrayList<>();
        parts.add("job " + run.get("almaJobId"));
        parts.add(String.valueOf(run.get("status")));
        if (run.get("counters") instanceof List<?> counters) {
            counters.forEach(counter -> {
                if (counter instanceof Map<?, ?> named) {
                    parts.add(named.get("description") + " " + named.get("value"));
                }
            });
        }
        return "verified in Alma's Sandbox: " + String.join(", ", parts);
    }

    /** What a step names or says: a reading and its version, a support ticket, or the free text given with it. */
    private static String detail(HistoryEntryView entry) {
        Map<String, Object> details = entry.details();
        List<String> parts = new ArrayList<>();
        if (details.get("documentId") != null) {
            parts.add(details.get("documentId") + ", version " + text(details.get("version")));
        }
        if (details.get("supportTicketRef") != null) {
            parts.add("support ticket " + details.get("supportTicketRef"));
        }
        if (details.get("until") != null) {
            parts.add("until " + day(String.valueOf(details.get("until"))));
        }
        if (!entry.event().equals(REPORTED)) {
            for (String field : PersonalData.FREE_TEXT_FIELDS) {
                if (details.get(field) != null) {
                    parts.add("“" + details.get(field) + "”");
                }
            }
        }
        return String.join(" · ", parts);
    }

    /** An instant of the history's details as a day; as it stands should it not read as one. */
    private static String day(String instant) {
        try {
            return PageFormat.INSTANCE.date(Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException unreadable) {
            return instant;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
