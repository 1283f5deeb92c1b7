package org.signoff.api.masterlistimport;

import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.signoff.api.command.Commands;
import org.signoff.api.input.SingleLine;
import org.signoff.staff.api.StaffId;

/**
 * An administrator brings in the master list kept before the engine: a CSV file in the master-list format, as the
 * request body. {@code dryRun=true} says what each line would become and writes nothing.
 */
@RestController
class MasterListImportController {

    private final MasterListImport imports;
    private final Commands commands;

    MasterListImportController(MasterListImport imports, Commands commands) {
        this.imports = imports;
        this.commands = commands;
    }

    @PostMapping(path = "/master-list/imports", consumes = "text/csv")
    MasterListImport.Report importFile(
            @RequestBody byte[] file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(name = "fileName", defaultValue = "master-list.csv") @Size(max = 200) @SingleLine
                    String fileName,
            @RequestParam(required = false) String performedBy) {
        StaffId performer = commands.administrator(performedBy, "imports a master list");
        try {
            return imports.run(file, fileName, dryRun, performer);
        } catch (MasterListImport.NotAMasterList refused) {
            throw refused.problem("NOT_A_MASTER_LIST");
        }
    }
}
