package org.signoff.api.attendanceimport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import org.signoff.api.command.Commands;
import org.signoff.api.command.GroupedSends;
import org.signoff.api.input.CsvFiles;
import org.signoff.api.security.Callers;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.common.CommandRejected;
import org.signoff.common.InstitutionScope;
import org.signoff.common.Rejection;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.lookup.TrainingRecords;
import org.signoff.lookup.TrainingRecords.ClassEntry;
import org.signoff.staff.api.RecordClassAttendance;
import org.signoff.staff.api.StaffId;

/**
 * Brings in an attendance list exported from the training portal (docs/training.md): a header line naming the
 * columns, then one attendance a line. A file that is not such a list (not UTF-8, an overlong line, no header with a
 * person, a class and a day) is refused whole. Otherwise each line is translated into {@link RecordClassAttendance}
 * and reported as imported, already known (recorded before, or earlier in the file), or refused with a code and a
 * reason: a malformed line, a person or class not found or ambiguous, and what the person's history refuses. A dry
 * run says which from the command side's lookups and writes nothing; a real run sends the lines it would import, and
 * the history's answer is the line's outcome.
 */
@Component
class AttendanceImport {

    static final int LONGEST_LINE = 10_000;

    static final String STAFF_ID = "staff_id";
    static final String PERSON = "person";
    /** The class's id, or its title as the catalog has it (letter case aside), as the portal names it. */
    static final String CLASS = "class";

    static final String ATTENDED_ON = "attended_on";
    static final List<String> COLUMNS = List.of(STAFF_ID, PERSON, CLASS, ATTENDED_ON);

    /** A line the import could not read: its fields, the person, the class or the day. */
    static final String MALFORMED_LINE = "MALFORMED_LINE";
    /** A name or title that more than one person or class has. */
    static final String AMBIGUOUS_PERSON = "AMBIGUOUS_PERSON";

    static final String AMBIGUOUS_CLASS = "AMBIGUOUS_CLASS";

    /** The day as a US portal exports it, {@code 3/4/2026}: month first. */
    private static final DateTimeFormatter US_DAY =
            DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final Commands commands;
    private final Callers callers;
    private final StaffDirectory directory;
    private final PersonalDataVault people;
    private final TrainingRecords training;

    AttendanceImport(
            Commands commands,
            Callers callers,
            StaffDirectory directory,
            PersonalDataVault people,
            TrainingRecords training) {
        this.commands = commands;
        this.callers = callers;
        this.directory = directory;
        this.people = people;
        this.training = training;
    }

    /** What became of one line. */
    enum Outcome {
        IMPORTED,
        ALREADY_KNOWN,
        REFUSED
    }

    /**
     * @param person the person as the line names them: their staff id, else their name
     * @param staffId whom that means, once found
     * @param classId the class, once found
     * @param code why the line imported nothing: the history's rejection ({@code ATTENDANCE_ALREADY_RECORDED} for one
     *     already known), or {@code MALFORMED_LINE}, {@code AMBIGUOUS_PERSON}, {@code AMBIGUOUS_CLASS}
     */
    record LineReport(
            long line,
            Outcome outcome,
            String person,
            String staffId,
            String classId,
            LocalDate attendedOn,
            String code,
            String reason) {

        LineReport refused(String code, String reason) {
            return new LineReport(line, Outcome.REFUSED, person, staffId, classId, attendedOn, code, reason);
        }

        LineReport alreadyKnown() {
            return new LineReport(
                    line,
                    Outcome.ALREADY_KNOWN,
                    person,
                    staffId,
                    classId,
                    attendedOn,
                    Rejection.ATTENDANCE_ALREADY_RECORDED.name(),
                    "already recorded: nothing to do");
        }
    }

    record Report(
            boolean dryRun,
            String file,
            String sha256,
            int lines,
            Map<Outcome, Integer> counts,
            List<LineReport> report) {}

    /** One attendance the import would record. */
    private record Attendance(StaffId staffId, TrainingClassId classId, LocalDate day) {}

    /** @throws CsvFiles.RefusedFile for a file that is not an attendance list, nothing of it imported */
    Report run(byte[] file, String fileName, boolean dryRun, StaffId performer) {
        String[] lines = CsvFiles.decode(file, LONGEST_LINE).split("\n", -1);
        int headerAt = 0;
        while (headerAt < lines.length && lines[headerAt].isBlank()) {
            headerAt++;
        }
        if (headerAt == lines.length) {
            throw new CsvFiles.RefusedFile(1, "no header line; the columns are " + COLUMNS);
        }
        List<String> header = header(headerAt + 1, lines[headerAt]);
        List<ClassEntry> classes = training.classes(callers.ids());
        Instant now = GenericEventMessage.clock.instant();
        Set<Attendance> inThisFile = new HashSet<>();
        Map<Long, Attendance> toRecord = new LinkedHashMap<>();
        List<LineReport> report = new ArrayList<>();
        for (int i = headerAt + 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                report.add(decide(i + 1L, lines[i], header, classes, now, performer, inThisFile, toRecord));
            }
        }
        if (!dryRun) {
            record(toRecord, report, performer);
        }
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        report.forEach(line -> counts.merge(line.outcome(), 1, Integer::sum));
        return new Report(dryRun, fileName, CsvFiles.sha256(file), report.size(), counts, report);
    }

    /** The header's column names, letter case aside; it must name a person, a class and a day. */
    private static List<String> header(long line, String text) {
        List<String> columns = new ArrayList<>();
        parse(text)
                .orElseThrow(() -> new CsvFiles.RefusedFile(line, "the header is not CSV"))
                .forEach(name -> columns.add(name.strip().toLowerCase(Locale.ROOT)));
        boolean person = columns.contains(STAFF_ID) || columns.contains(PERSON);
        if (!person || !columns.contains(CLASS) || !columns.contains(ATTENDED_ON)) {
            throw new CsvFiles.RefusedFile(
                    line,
                    "the header names " + columns + ", not a person (" + STAFF_ID + " or " + PERSON + "), the class ("
                            + CLASS + ") and the day (" + ATTENDED_ON + ")");
        }
        return columns;
    }

    /**
     * What the line becomes. A line to import is kept in {@code toRecord}; a line the same as an earlier one of the
     * file is already known.
     */
    private LineReport decide(
            long number,
            String text,
            List<String> header,
            List<ClassEntry> classes,
            Instant now,
            StaffId performer,
            Set<Attendance> inThisFile,
            Map<Long, Attendance> toRecord) {
        LineReport line = new LineReport(number, Outcome.REFUSED, null, null, null, null, null, null);
        Optional<CSVRecord> parsed = parse(text);
        if (parsed.isEmpty()) {
            return line.refused(MALFORMED_LINE, "not CSV as RFC 4180 writes it (a quote left open?)");
        }
        CSVRecord fields = parsed.get();
        if (fields.size() != header.size()) {
            return line.refused(MALFORMED_LINE, "has " + fields.size() + " fields, the header " + header.size());
        }
        String staffId = field(fields, header, STAFF_ID);
        String person = staffId.isEmpty() ? field(fields, header, PERSON) : staffId;
        String attendedClass = field(fields, header, CLASS);
        String day = field(fields, header, ATTENDED_ON);
        line = new LineReport(number, Outcome.REFUSED, person, null, null, null, null, null);
        if (person.isEmpty() || attendedClass.isEmpty() || day.isEmpty()) {
            return line.refused(MALFORMED_LINE, "a line names the person, the class and the day");
        }
        Optional<LocalDate> attendedOn = day(day);
        if (attendedOn.isEmpty()) {
            return line.refused(MALFORMED_LINE, "'" + day + "' is not a day like 2026-03-04 or 3/4/2026");
        }
        line = new LineReport(number, Outcome.REFUSED, person, null, null, attendedOn.get(), null, null);

        List<StaffId> whom = staffId.isEmpty()
                ? people.named(person).stream()
                        .filter(named -> callers.ids().owns(named.value()))
                        .toList()
                : staffId.indexOf(InstitutionScope.SEPARATOR) >= 0
                        ? List.<StaffId>of() // no staff id of any institution's
                        : directory.find(callers.staff(staffId)).map(StaffMembership::staffId).stream()
                                .toList();
        if (whom.size() > 1) {
            return line.refused(AMBIGUOUS_PERSON, "several people are called '" + person + "': give the staff id");
        }
        if (whom.isEmpty()) {
            return line.refused(
                    Rejection.UNKNOWN_STAFF.name(),
                    staffId.isEmpty()
                            ? "nobody in the directory is called '" + person + "'"
                            : "No staff member '" + staffId + "'");
        }
        StaffId found = whom.get(0);
        line = new LineReport(number, Outcome.REFUSED, person, found.value(), null, attendedOn.get(), null, null);

        List<ClassEntry> named = classes.stream()
                .filter(entry -> entry.classId().value().equals(callers.ids().prefix() + attendedClass))
                .toList();
        if (named.isEmpty()) {
            named = classes.stream()
                    .filter(entry -> entry.title().equalsIgnoreCase(attendedClass))
                    .toList();
        }
        if (named.size() > 1) {
            return line.refused(
                    AMBIGUOUS_CLASS, "several classes are called '" + attendedClass + "': give the class id");
        }
        if (named.isEmpty()) {
            return line.refused(Rejection.UNKNOWN_TRAINING_CLASS.name(), "No training class '" + attendedClass + "'");
        }
        TrainingClassId trainingClass = named.get(0).classId();
        line = new LineReport(
                number, Outcome.REFUSED, person, found.value(), trainingClass.value(), attendedOn.get(), null, null);

        // the person's history decides in a real run; these say what it would answer, for a dry run
        if (directory.find(found).map(StaffMembership::left).orElse(false)) {
            return line.refused(Rejection.STAFF_MEMBER_LEFT.name(), "'" + found + "' has left");
        }
        if (found.equals(performer)) {
            return line.refused(Rejection.OWN_ATTENDANCE.name(), "'" + found + "' may not record their own attendance");
        }
        if (!RecordClassAttendance.possibleDay(attendedOn.get(), now)) {
            return line.refused(
                    Rejection.INVALID_DEFINITION.name(),
                    "An attendance has a day from " + RecordClassAttendance.EARLIEST_DAY + " to tomorrow");
        }
        Attendance attendance = new Attendance(found, trainingClass, attendedOn.get());
        if (!inThisFile.add(attendance) || training.hasAttended(found, trainingClass, attendedOn.get())) {
            return line.alreadyKnown();
        }
        toRecord.put(number, attendance);
        return new LineReport(
                number, Outcome.IMPORTED, person, found.value(), trainingClass.value(), attendedOn.get(), null, null);
    }

    /**
     * Sends the attendances to import, each person's in order and several people at once; the history's refusal (a
     * trainer recorded the same meanwhile, the person left) is the line's outcome.
     */
    private void record(Map<Long, Attendance> toRecord, List<LineReport> report, StaffId performer) {
        Map<StaffId, List<Map.Entry<Long, Attendance>>> byPerson = new LinkedHashMap<>();
        toRecord.entrySet()
                .forEach(entry -> byPerson.computeIfAbsent(entry.getValue().staffId(), any -> new ArrayList<>())
                        .add(entry));
        Map<Long, LineReport> planned = new LinkedHashMap<>();
        report.forEach(line -> planned.put(line.line(), line));
        Map<Long, LineReport> changed = new ConcurrentHashMap<>();
        GroupedSends.send(byPerson.values(), entry -> {
            Attendance attendance = entry.getValue();
            try {
                commands.sendUnremembered(
                        Rejection.UNKNOWN_STAFF,
                        "staff member",
                        attendance.staffId(),
                        new RecordClassAttendance(
                                attendance.staffId(), attendance.classId(), attendance.day(), performer));
            } catch (CommandRejected refused) {
                LineReport line = planned.get(entry.getKey());
                changed.put(
                        entry.getKey(),
                        refused.rejection() == Rejection.ATTENDANCE_ALREADY_RECORDED
                                ? line.alreadyKnown()
                                : line.refused(refused.rejection().name(), refused.getMessage()));
            } catch (ConcurrencyException raced) {
                // the person's history changed under this line twice (a trainer posting for them meanwhile): the
                // line alone is refused, the report still answered; the same file again takes it
                changed.put(
                        entry.getKey(),
                        planned.get(entry.getKey())
                                .refused(
                                        "CONCURRENT_CHANGE",
                                        "Another change to this person's history came at the same moment: import "
                                                + "the file again"));
            }
        });
        report.replaceAll(line -> changed.getOrDefault(line.line(), line));
    }

    /** The line's one record, or empty when it is not CSV (a quote left open, text after a closing quote). */
    private static Optional<CSVRecord> parse(String line) {
        try (var parser = CSVFormat.RFC4180.parse(new StringReader(line))) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? Optional.of(records.get(0)) : Optional.empty();
        } catch (IOException | UncheckedIOException | IllegalStateException notCsv) {
            return Optional.empty();
        }
    }

    private static String field(CSVRecord fields, List<String> header, String column) {
        int at = header.indexOf(column);
        return at < 0 ? "" : fields.get(at).strip();
    }

    /** ISO ({@code 2026-03-04}) or as a US portal exports it ({@code 3/4/2026}). */
    private static Optional<LocalDate> day(String text) {
        try {
            return Optional.of(text.contains("/") ? LocalDate.parse(text, US_DAY) : LocalDate.parse(text));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }
}
