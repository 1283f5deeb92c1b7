package org.signoff.api.masterlistimport;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.api.command.Commands;
import org.signoff.api.command.GroupedSends;
import org.signoff.api.ids.TimeOrderedIds;
import org.signoff.api.input.CsvFiles;
import org.signoff.api.input.Identifier;
import org.signoff.api.masterlist.MasterListExports;
import org.signoff.api.security.Callers;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.common.CommandRejected;
import org.signoff.common.Rejection;
import org.signoff.lookup.CatalogEntry;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.TicketSlots;
import org.signoff.staff.api.RegisterStaffMember;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.SetAlmaPrimaryId;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.MigrationSource;
import org.signoff.ticket.api.RecordMigratedSignOff;

/**
 * Brings in a master list kept before the engine, in the master-list CSV format (README: The master list as files).
 * The whole file is read and checked first: a file that is not one (wrong columns, not UTF-8, an overlong line, an
 * unknown scope or job) is refused with its line and nothing is written. Then each line is imported (the person
 * registered if unknown, a {@code SignOffMigrated} marked with the run, file and line), imported with a warning, found
 * already on the list, or refused with a reason; a dry run says which and writes nothing. Running the same file
 * again imports nothing new; a corrected file imports what changed. Real runs are recorded.
 */
@Component
class MasterListImport {

    static final int LONGEST_LINE = 10_000;

    static final List<String> REQUIRED = List.of("scope", "job", "person");

    /**
     * Columns an import takes beyond the format: {@code alma_primary_id}, the login the person uses in Alma. The
     * export leaves it out: it is personal data that the master list has no need to show.
     */
    static final List<String> IMPORT_ONLY = List.of("alma_primary_id");

    private static final String NEW_PERSON = "new to the directory";
    private static final String ALMA_ID_SET = "Alma primary id set to";

    private final Commands commands;
    private final Callers callers;
    private final JobCatalog catalog;
    private final StaffDirectory directory;
    private final PersonalDataVault people;
    private final TicketSlots slots;
    private final JdbcClient jdbc;

    MasterListImport(
            Commands commands,
            Callers callers,
            JobCatalog catalog,
            StaffDirectory directory,
            PersonalDataVault people,
            TicketSlots slots,
            JdbcClient jdbc) {
        this.commands = commands;
        this.callers = callers;
        this.catalog = catalog;
        this.directory = directory;
        this.people = people;
        this.slots = slots;
        this.jdbc = jdbc;
    }

    /** What became of one line. */
    enum Outcome {
        IMPORTED,
        IMPORTED_WITH_WARNING,
        ALREADY_LISTED,
        NOTHING_TO_IMPORT,
        REFUSED
    }

    /** @param staffId the person the line is about, as the engine knows them (new ones as they will be) */
    record LineReport(long line, Outcome outcome, String job, String person, String staffId, List<String> notes) {}

    record Report(
            String runId,
            boolean dryRun,
            String file,
            String sha256,
            int lines,
            Map<Outcome, Integer> counts,
            List<LineReport> report) {}

    /** A file that is not a master list: nothing of it was imported. */
    static final class NotAMasterList extends CsvFiles.RefusedFile {

        NotAMasterList(long line, String message) {
            super(line, message);
        }
    }

    Report run(byte[] file, String fileName, boolean dryRun, StaffId performer) {
        String text;
        try {
            text = CsvFiles.decode(file, LONGEST_LINE);
        } catch (CsvFiles.RefusedFile unreadable) {
            throw new NotAMasterList(unreadable.line(), unreadable.getMessage());
        }
        String runId = TimeOrderedIds.next();
        List<Planned> planned = plan(text);
        Map<String, StaffId> known = new HashMap<>(); // a name (lower case) → whom it means, in this run
        Map<String, String> unitOf = new HashMap<>();
        Set<String> taken = new HashSet<>(); // staff ids given to new people in this run
        Set<String> placed = new HashSet<>(); // person|job|variant imported in this run
        Map<StaffId, String> almaIds = new HashMap<>(); // the Alma primary id each person gets in this run
        List<LineReport> report = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Map<Outcome, Integer> counts = new java.util.EnumMap<>(Outcome.class);
        for (Planned line : planned) {
            report.add(decide(line, known, unitOf, taken, placed, almaIds, steps, runId, fileName, performer));
        }
        if (!dryRun) {
            apply(steps, report);
        }
        for (LineReport result : report) {
            counts.merge(result.outcome(), 1, Integer::sum);
        }
        String sha256 = CsvFiles.sha256(file);
        if (!dryRun) {
            jdbc.sql("INSERT INTO master_list_import (run_id, performed_by, at, file_name, sha256, lines, imported, "
                            + "warnings, already_listed, nothing_to_import, refused) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            runId,
                            performer.value(),
                            Timestamp.from(Instant.now()),
                            fileName,
                            sha256,
                            planned.size(),
                            counts.getOrDefault(Outcome.IMPORTED, 0),
                            counts.getOrDefault(Outcome.IMPORTED_WITH_WARNING, 0),
                            counts.getOrDefault(Outcome.ALREADY_LISTED, 0),
                            counts.getOrDefault(Outcome.NOTHING_TO_IMPORT, 0),
                            counts.getOrDefault(Outcome.REFUSED, 0))
                    .update();
        }
        return new Report(runId, dryRun, fileName, sha256, planned.size(), counts, report);
    }

    private LineReport decide(
            Planned line,
            Map<String, StaffId> known,
            Map<String, String> unitOf,
            Set<String> taken,
            Set<String> placed,
            Map<StaffId, String> almaIds,
            List<Step> steps,
            String runId,
            String fileName,
            StaffId performer) {
        String jobName = line.job().definition().name();
        List<String> notes = new ArrayList<>();
        if (line.person().isEmpty() && line.staffId().isEmpty()) {
            return new LineReport(
                    line.number(), Outcome.NOTHING_TO_IMPORT, jobName, "", null, List.of("nobody listed"));
        }
        if (line.person().startsWith("(")
                || line.person().toLowerCase(Locale.ROOT).contains(" who ")) {
            return refused(line, "a group, not a person: sign-offs are given to people, one by one");
        }
        JobDefinition definition = line.job().definition();
        String variant = line.variant().isEmpty() ? null : line.variant();
        if (definition.signOffPerVariant()
                && (variant == null || !definition.variants().contains(variant))) {
            return refused(
                    line,
                    variant == null
                            ? "the job is signed off per variant and the line names none"
                            : "'" + variant + "' is not a variant of the job");
        }
        if (!definition.signOffPerVariant() && variant != null) {
            return refused(line, "the job has no variants");
        }
        // whom the line means: its staff id, or the one person of that name, or someone new
        StaffId person;
        boolean isNew = false;
        String nameKey = line.person().toLowerCase(Locale.ROOT);
        if (!line.staffId().isEmpty()) {
            person = callers.staff(line.staffId());
            isNew = directory.find(person).isEmpty() && !taken.contains(person.value());
        } else if (known.containsKey(nameKey)) {
            person = known.get(nameKey);
        } else {
            List<StaffId> named = people.named(line.person()).stream()
                    .filter(staffId -> callers.ids().owns(staffId.value()))
                    .toList();
            if (named.size() > 1) {
                return new LineReport(
                        line.number(),
                        Outcome.REFUSED,
                        jobName,
                        line.person(),
                        null,
                        List.of("several people are called this: give the staff id"));
            }
            if (named.size() == 1) {
                person = named.get(0);
            } else {
                person = StaffId.of(newStaffId(line.person(), taken));
                isNew = true;
            }
        }
        if (isNew && line.person().isEmpty()) {
            return new LineReport(
                    line.number(), Outcome.REFUSED, jobName, "", person.value(), List.of("a new person needs a name"));
        }
        known.putIfAbsent(nameKey, person);
        if (line.unit().isEmpty()) {
            notes.add("no unit given");
        } else if (line.unit().contains("?")) {
            notes.add("the unit is uncertain ('" + line.unit() + "'): kept as given");
        }
        String firstUnit = unitOf.putIfAbsent(person.value(), line.unit());
        if (firstUnit != null && !firstUnit.equals(line.unit())) {
            notes.add("listed elsewhere with unit '" + firstUnit + "': the person keeps that one");
        }
        String almaId = almaPrimaryId(line, person, isNew, almaIds, notes);
        String place = person.value() + "|" + line.job().jobId().value() + "|" + (variant == null ? "" : variant);
        if (placed.contains(place)
                || (!isNew && slots.holder(person, line.job().jobId(), variant).isPresent())) {
            List<String> listedNotes = new ArrayList<>();
            listedNotes.add("already on the list (or with a ticket under way): nothing to do");
            notes.stream().filter(note -> note.startsWith("Alma primary id")).forEach(listedNotes::add);
            if (almaId != null) {
                steps.add(new Step(line.number(), person, null, null, null, almaId, performer));
            }
            return new LineReport(
                    line.number(),
                    Outcome.ALREADY_LISTED,
                    jobName,
                    line.person(),
                    person.value(),
                    List.copyOf(listedNotes));
        }
        boolean register = isNew && taken.add(person.value());
        steps.add(new Step(
                line.number(),
                person,
                register ? line.person() : null,
                line.unit().isEmpty() ? null : line.unit(),
                new RecordMigratedSignOff(
                        callers.ticket(TimeOrderedIds.next()),
                        person,
                        line.job().jobId(),
                        variant,
                        line.signedOffOn(),
                        line.approvedBy(),
                        new MigrationSource(runId, fileName, line.number()),
                        performer),
                almaId,
                performer));
        placed.add(place);
        if (isNew) {
            notes.add(0, NEW_PERSON + " as '" + person.value() + "'");
        }
        boolean warned = notes.stream().anyMatch(note -> !note.startsWith(NEW_PERSON) && !note.startsWith(ALMA_ID_SET));
        return new LineReport(
                line.number(),
                warned ? Outcome.IMPORTED_WITH_WARNING : Outcome.IMPORTED,
                jobName,
                line.person(),
                person.value(),
                List.copyOf(notes));
    }

    /**
     * The Alma primary id the line gives its person, or null when it gives none: the column is empty, the person has
     * it already or got it from an earlier line, or it cannot be theirs (a note says why: another line gave them
     * another one, another person holds it). The person's first id in the file counts, as their first unit does.
     */
    private String almaPrimaryId(
            Planned line, StaffId person, boolean isNew, Map<StaffId, String> almaIds, List<String> notes) {
        String wanted = line.almaPrimaryId();
        if (wanted.isEmpty()) {
            return null;
        }
        String earlier = almaIds.get(person);
        if (earlier != null) {
            if (!earlier.equals(wanted)) {
                notes.add("Alma primary id '" + wanted + "' not set: an earlier line gives them '" + earlier + "'");
            }
            return null;
        }
        if (!isNew && people.almaPrimaryIdOf(person).filter(wanted::equals).isPresent()) {
            almaIds.put(person, wanted);
            return null;
        }
        boolean takenInRun = almaIds.entrySet().stream()
                .anyMatch(given ->
                        !given.getKey().equals(person) && given.getValue().equalsIgnoreCase(wanted));
        boolean heldByAnother = people.holderOfAlmaPrimaryId(
                        wanted, callers.ids().prefix())
                .filter(other -> !other.equals(person))
                .isPresent();
        if (takenInRun || heldByAnother) {
            notes.add("Alma primary id '" + wanted + "' not set: it is another person's");
            return null;
        }
        almaIds.put(person, wanted);
        notes.add(ALMA_ID_SET + " '" + wanted + "'");
        return wanted;
    }

    private static LineReport refused(Planned line, String reason) {
        return new LineReport(
                line.number(), Outcome.REFUSED, line.job().definition().name(), line.person(), null, List.of(reason));
    }

    /**
     * What one line sends: the person's registration (their first line, if new), then the sign-off (none for a line
     * already listed), then their Alma primary id, if the line gives one.
     */
    private record Step(
            long line,
            StaffId person,
            String registerAs,
            String unit,
            RecordMigratedSignOff signOff,
            String almaPrimaryId,
            StaffId performer) {}

    /**
     * Sends the planned commands: each person's in order (registered before signed off), several people at once, so
     * that the durable store's group commit serves many; a refusal (the place taken meanwhile) changes that line's
     * report.
     */
    private void apply(List<Step> steps, List<LineReport> report) {
        Map<StaffId, List<Step>> byPerson = new java.util.LinkedHashMap<>();
        steps.forEach(step ->
                byPerson.computeIfAbsent(step.person(), p -> new ArrayList<>()).add(step));
        Map<Long, LineReport> changed = new java.util.concurrent.ConcurrentHashMap<>();
        GroupedSends.send(byPerson.values(), step -> send(step, report, changed));
        report.replaceAll(line -> changed.getOrDefault(line.line(), line));
    }

    private void send(Step step, List<LineReport> report, Map<Long, LineReport> changed) {
        if (step.signOff() != null && !sendSignOff(step, report, changed)) {
            return;
        }
        if (step.almaPrimaryId() != null) {
            sendAlmaPrimaryId(step, report, changed);
        }
    }

    /** A refusal of the Alma primary id (someone given it meanwhile) leaves the line's sign-off as it went. */
    private void sendAlmaPrimaryId(Step step, List<LineReport> report, Map<Long, LineReport> changed) {
        try {
            commands.sendUnremembered(
                    Rejection.UNKNOWN_STAFF,
                    "staff member",
                    step.person(),
                    new SetAlmaPrimaryId(step.person(), step.almaPrimaryId(), step.performer()));
        } catch (CommandRejected refused) {
            LineReport planned = changed.getOrDefault(
                    step.line(),
                    report.stream()
                            .filter(line -> line.line() == step.line())
                            .findFirst()
                            .orElseThrow());
            List<String> notes = new ArrayList<>(planned.notes());
            notes.removeIf(note -> note.startsWith(ALMA_ID_SET));
            notes.add("Alma primary id not set: " + refused.getMessage());
            changed.put(
                    step.line(),
                    new LineReport(
                            step.line(),
                            planned.outcome() == Outcome.IMPORTED ? Outcome.IMPORTED_WITH_WARNING : planned.outcome(),
                            planned.job(),
                            planned.person(),
                            planned.staffId(),
                            List.copyOf(notes)));
        }
    }

    /**
     * @return whether the line's person may take its Alma primary id: the sign-off was recorded, or found already
     *     listed meanwhile
     */
    private boolean sendSignOff(Step step, List<LineReport> report, Map<Long, LineReport> changed) {
        try {
            if (step.registerAs() != null) {
                commands.sendUnremembered(
                        Rejection.UNKNOWN_STAFF,
                        "staff member",
                        step.person(),
                        new RegisterStaffMember(
                                step.person(),
                                step.registerAs(),
                                step.unit(),
                                Set.of(Role.STAFF),
                                Set.of(),
                                step.performer()));
            }
            commands.sendUnremembered(Rejection.UNKNOWN_TICKET, "ticket", step.person(), step.signOff());
            return true;
        } catch (CommandRejected refused) {
            LineReport planned = report.stream()
                    .filter(line -> line.line() == step.line())
                    .findFirst()
                    .orElseThrow();
            changed.put(
                    step.line(),
                    refused.rejection() == Rejection.TICKET_ALREADY_OPEN
                            ? new LineReport(
                                    step.line(),
                                    Outcome.ALREADY_LISTED,
                                    planned.job(),
                                    planned.person(),
                                    planned.staffId(),
                                    alreadyListed(planned))
                            : new LineReport(
                                    step.line(),
                                    Outcome.REFUSED,
                                    planned.job(),
                                    planned.person(),
                                    planned.staffId(),
                                    List.of(refused.getMessage())));
            return refused.rejection() == Rejection.TICKET_ALREADY_OPEN;
        }
    }

    private static List<String> alreadyListed(LineReport planned) {
        List<String> notes = new ArrayList<>(List.of("already on the list: nothing to do"));
        planned.notes().stream().filter(note -> note.startsWith(ALMA_ID_SET)).forEach(notes::add);
        return List.copyOf(notes);
    }

    /** A staff id for someone new, from their name: first initial and last name, e.g. jpetzold; then jpetzold2… */
    private String newStaffId(String name, Set<String> taken) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String[] words = ascii.replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
        String base = words.length == 1 ? words[0] : words[0].charAt(0) + words[words.length - 1];
        if (base.isEmpty()) {
            base = "person";
        }
        String candidate = callers.key(base);
        for (int n = 2;
                taken.contains(candidate)
                        || directory.find(StaffId.of(candidate)).isPresent();
                n++) {
            candidate = callers.key(base + n);
        }
        return candidate;
    }

    /** One line, checked: its job found in the catalog. */
    private record Planned(
            long number,
            CatalogEntry job,
            String variant,
            String person,
            String unit,
            String staffId,
            Instant signedOffOn,
            StaffId approvedBy,
            String almaPrimaryId) {}

    /** Every line read and its job found, or the file refused at its first line that is not right. */
    private List<Planned> plan(String text) {
        List<CatalogEntry> jobs = catalog.all().stream()
                .filter(entry -> callers.ids().owns(entry.jobId().value()))
                .toList();
        Set<String> scopes = new HashSet<>();
        jobs.forEach(job -> scopes.add(job.definition().scope().toLowerCase(Locale.ROOT)));
        List<Planned> planned = new ArrayList<>();
        try (CSVParser csv = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(new StringReader(text))) {
            List<String> columns = csv.getHeaderNames();
            for (String required : REQUIRED) {
                if (!columns.contains(required)) {
                    throw new NotAMasterList(
                            1, "no column '" + required + "'; the columns are " + MasterListExports.COLUMNS);
                }
            }
            for (String column : columns) {
                if (!MasterListExports.COLUMNS.contains(column) && !IMPORT_ONLY.contains(column)) {
                    throw new NotAMasterList(
                            1,
                            "'" + column + "' is not a column of the master-list format " + MasterListExports.COLUMNS
                                    + " nor one an import takes " + IMPORT_ONLY);
                }
            }
            for (CSVRecord record : csv) {
                long line = record.getParser().getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new NotAMasterList(line, "has " + record.size() + " fields, the header " + columns.size());
                }
                String scope = field(record, "scope");
                String jobName = field(record, "job");
                String jobId = field(record, "job_id");
                if (!scopes.contains(scope.toLowerCase(Locale.ROOT))) {
                    throw new NotAMasterList(line, "unknown scope '" + scope + "'");
                }
                CatalogEntry job = jobs.stream()
                        .filter(entry -> jobId.isEmpty()
                                ? entry.definition().scope().equalsIgnoreCase(scope)
                                        && entry.definition().name().equalsIgnoreCase(jobName)
                                : entry.jobId().value().equals(callers.ids().prefix() + jobId))
                        .findFirst()
                        .orElseThrow(() -> new NotAMasterList(
                                line, "no job '" + (jobId.isEmpty() ? jobName : jobId) + "' in scope '" + scope + "'"));
                for (String column : List.of("staff_id", "approved_by")) {
                    String id = field(record, column);
                    if (!id.isEmpty() && !id.matches(Identifier.SYNTAX)) {
                        throw new NotAMasterList(
                                line, column + " '" + id + "' is not a staff id: 1 to 100 of a-z 0-9 . _ -");
                    }
                }
                planned.add(new Planned(
                        line,
                        job,
                        field(record, "variant"),
                        field(record, "person"),
                        field(record, "unit"),
                        field(record, "staff_id"),
                        day(line, field(record, "signed_off_on")),
                        field(record, "approved_by").isEmpty() ? null : callers.staff(field(record, "approved_by")),
                        field(record, "alma_primary_id")));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException unreadable) {
            if (unreadable instanceof NotAMasterList refused) {
                throw refused;
            }
            throw new NotAMasterList(lineOf(unreadable), "not CSV as RFC 4180 writes it: " + unreadable.getMessage());
        }
        return planned;
    }

    private static long lineOf(Exception failure) {
        java.util.regex.Matcher line =
                java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(failure.getMessage()));
        return line.find() ? Long.parseLong(line.group(1)) : 0;
    }

    private static Instant day(long line, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADay) {
            throw new NotAMasterList(line, "signed_off_on '" + text + "' is not a day like 2024-05-02");
        }
    }

    private static String field(CSVRecord record, String column) {
        return record.isMapped(column) ? record.get(column).strip() : "";
    }
}
