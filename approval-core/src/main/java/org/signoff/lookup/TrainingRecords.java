package org.signoff.lookup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.common.InstitutionScope;
import org.signoff.staff.api.StaffId;

/** The training classes and who attended them, as the command side sees them. */
public interface TrainingRecords {

    /** A class of the catalog, by the title people know it by. */
    record ClassEntry(TrainingClassId classId, String title) {}

    Optional<ClassEntry> find(TrainingClassId classId);

    /** Every class of an institution's catalog, in the order it was registered. */
    List<ClassEntry> classes(InstitutionScope within);

    /** Every class the job requires: the classes of every job, then its own. */
    List<ClassEntry> requiredOf(JobId jobId);

    /** Each class the person attended, with the last day they attended it. */
    Map<TrainingClassId, LocalDate> attendedBy(StaffId staffId);

    /** Whether the person's attendance of the class on that day is recorded. */
    boolean hasAttended(StaffId staffId, TrainingClassId classId, LocalDate day);
}
