package org.signoff.api.masterlist;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.signoff.projections.masterlist.api.MasterListView;

/**
 * The master list as the files people keep: CSV in the documented master-list format (the import format: export
 * then import gives the same list), a Markdown table laid out like the wiki page (scope, job name, staff name
 * (unit)), so the page can be generated, and the same rows in Confluence's storage format, which the wiki publisher
 * writes to the page.
 */
public final class MasterListExports {

    /** The columns of the master-list CSV format, in order (README: The master list as files). */
    public static final List<String> COLUMNS = List.of(
            "scope", "job", "job_id", "variant", "person", "unit", "staff_id", "signed_off_on", "approved_by", "note");

    static final String ROLE_PENDING = "role update pending";

    private MasterListExports() {}

    /** One row per person signed off on a job (and variant); a job nobody is signed off on has one row without one. */
    static String csv(MasterListView list) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.RFC4180
                .builder()
                .setHeader(COLUMNS.toArray(String[]::new))
                .get()
                .print(out)) {
            for (MasterListView.Scope scope : list.scopes()) {
                for (MasterListView.Job job : scope.jobs()) {
                    List<Listed> people = people(job);
                    if (people.isEmpty()) {
                        csv.printRecord(scope.scope(), job.name(), job.jobId(), "", "", "", "", "", "", "");
                    }
                    for (Listed listed : people) {
                        MasterListView.SignedOff person = listed.person();
                        csv.printRecord(
                                scope.scope(),
                                job.name(),
                                job.jobId(),
                                listed.variant() == null ? "" : listed.variant(),
                                nameOf(person),
                                person.unit() == null ? "" : person.unit(),
                                person.staffId(),
                                day(person.approvedAt()),
                                person.approvedBy(),
                                person.rolePending() ? ROLE_PENDING : "");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The wiki's table: the scope on the first row of its jobs, each job (a variant as {@code job: variant}) with its
     * people as {@code Name (unit)}, one a line.
     */
    static String markdown(MasterListView list) {
        StringBuilder table = new StringBuilder("| Scope | Job name | Staff name (unit) |\n|---|---|---|\n");
        for (MasterListView.Scope scope : list.scopes()) {
            boolean first = true;
            for (MasterListView.Job job : scope.jobs()) {
                List<String> rows = new ArrayList<>();
                rows.add(cell(job.name()) + " | " + names(job.staff()));
                for (MasterListView.Variant variant : job.variants()) {
                    rows.add(cell(job.name() + ": " + variant.variant()) + " | " + names(variant.staff()));
                }
                if (!job.variants().isEmpty() && job.staff().isEmpty()) {
                    rows.remove(0);
                }
                for (String row : rows) {
                    table.append("| ")
                            .append(first ? cell(scope.scope()) : "")
                            .append(" | ")
                            .append(row)
                            .append(" |\n");
                    first = false;
                }
            }
        }
        return table.toString();
    }

    /**
     * The wiki's table in Confluence's storage format (XHTML): a heading and a table per scope, each job (a variant as
     * {@code job: variant}) with its people as {@code Name (unit)}, one a line, as {@link #markdown} lays them out.
     */
    public static String storage(MasterListView list) {
        StringBuilder page = new StringBuilder();
        for (MasterListView.Scope scope : list.scopes()) {
            page.append("<h2>")
                    .append(xml(scope.scope()))
                    .append("</h2><table><tbody><tr><th>Job name</th><th>Staff name (unit)</th></tr>");
            for (MasterListView.Job job : scope.jobs()) {
                if (job.variants().isEmpty() || !job.staff().isEmpty()) {
                    storageRow(page, job.name(), job.staff());
                }
                for (MasterListView.Variant variant : job.variants()) {
                    storageRow(page, job.name() + ": " + variant.variant(), variant.staff());
                }
            }
            page.append("</tbody></table>");
        }
        return page.toString();
    }

    private static void storageRow(StringBuilder page, String job, List<MasterListView.SignedOff> people) {
        page.append("<tr><td>").append(xml(job)).append("</td><td>");
        page.append(people.stream()
                .map(person -> xml(nameOf(person)) + (person.unit() == null ? "" : " (" + xml(person.unit()) + ")"))
                .collect(Collectors.joining("<br />")));
        page.append("</td></tr>");
    }

    /** Text inside XHTML: markup characters as entities, so a name can neither close a cell nor open a macro. */
    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("\r", " ")
                .replace("\n", " ");
    }

    private static String names(List<MasterListView.SignedOff> people) {
        return people.stream()
                .map(person -> cell(nameOf(person)) + (person.unit() == null ? "" : " (" + cell(person.unit()) + ")"))
                .collect(Collectors.joining("<br>"));
    }

    /** A table cell's text: a pipe would end the cell, a line break the row. */
    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static String nameOf(MasterListView.SignedOff person) {
        return person.displayName() != null ? person.displayName() : person.staffId();
    }

    private static String day(Instant at) {
        return at == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(ZoneOffset.UTC));
    }

    private static List<Listed> people(MasterListView.Job job) {
        List<Listed> people = new ArrayList<>();
        job.staff().forEach(person -> people.add(new Listed(null, person)));
        job.variants()
                .forEach(variant ->
                        variant.staff().forEach(person -> people.add(new Listed(variant.variant(), person))));
        return people;
    }

    private record Listed(String variant, MasterListView.SignedOff person) {}
}
