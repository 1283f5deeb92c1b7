package org.signoff.api.attendanceimport;

import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.CsvFiles;
import org.signoff.api.input.SingleLine;
import org.signoff.staff.api.StaffId;

/**
 * An administrator brings in an attendance list exported from the training portal: a CSV file, as the request body.
 * {@code dryRun=true} says what each line would become and writes nothing.
 */
@RestController
class AttendanceImportController {

    private final AttendanceImport imports;
    private final Commands commands;

    AttendanceImportController(AttendanceImport imports, Commands commands) {
        this.imports = imports;
        this.commands = commands;
    }

    @PostMapping(path = "/attendance-imports", consumes = "text/csv")
    AttendanceImport.Report importFile(
            @RequestBody byte[] file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(name = "fileName", defaultValue = "attendance.csv") @Size(max = 200) @SingleLine
                    String fileName,
            @RequestParam(required = false) String performedBy) {
        StaffId performer = commands.administrator(performedBy, "imports an attendance list");
        try {
            return imports.run(file, fileName, dryRun, performer);
        } catch (CsvFiles.RefusedFile refused) {
            throw refused.problem("NOT_AN_ATTENDANCE_LIST");
        }
    }
}
