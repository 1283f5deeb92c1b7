package org.signoff.api.lookup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRequiredClassesSet;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.common.InstitutionScope;
import org.signoff.lookup.TrainingRecords;
import org.signoff.staff.api.ClassAttended;
import org.signoff.staff.api.StaffId;
import org.signoff.storage.Columns;

/**
 * Tables {@code lookup_training_class}, {@code lookup_job.required_classes} and {@code lookup_attendance}: the classes,
 * what each job requires besides the classes of every job, and who attended which class on which day.
 */
@Component
@ProcessingGroup(LookupConfiguration.PROCESSING_GROUP)
class TrainingLookup implements TrainingRecords {

    private final JdbcClient jdbc;

    TrainingLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ClassEntry> find(TrainingClassId classId) {
        return jdbc.sql("SELECT title FROM lookup_training_class WHERE class_id = ?")
                .param(classId.value())
                .query((rs, n) -> new ClassEntry(classId, rs.getString(1)))
                .optional();
    }

    @Override
    public List<ClassEntry> classes(InstitutionScope within) {
        return jdbc.sql("SELECT class_id, title FROM lookup_training_class WHERE " + InstitutionScope.keysOf("class_id")
                        + " ORDER BY position")
                .params(within.keysLike(), within.keysNotLike())
                .query((rs, n) -> new ClassEntry(TrainingClassId.of(rs.getString(1)), rs.getString(2)))
                .list();
    }

    @Override
    public List<ClassEntry> requiredOf(JobId jobId) {
        // a class required of every job is so for the jobs of its own institution
        String within = InstitutionScope.prefixOf(jobId.value());
        List<ClassEntry> required = new ArrayList<>(
                jdbc.sql("SELECT class_id, title FROM lookup_training_class WHERE required_of_every_job AND "
                                + InstitutionScope.keysOf("class_id") + " ORDER BY position")
                        .params(InstitutionScope.keysLike(within), InstitutionScope.keysNotLike(within))
                        .query((rs, n) -> new ClassEntry(TrainingClassId.of(rs.getString(1)), rs.getString(2)))
                        .list());
        jdbc
                .sql("SELECT required_classes FROM lookup_job WHERE job_id = ?")
                .param(jobId.value())
                .query(String.class)
                .optional()
                .map(Columns::strings)
                .orElse(List.of())
                .stream()
                .map(TrainingClassId::of)
                .filter(classId ->
                        required.stream().noneMatch(entry -> entry.classId().equals(classId)))
                .forEach(classId -> find(classId).ifPresent(required::add));
        return required;
    }

    @Override
    public Map<TrainingClassId, LocalDate> attendedBy(StaffId staffId) {
        Map<TrainingClassId, LocalDate> attended = new LinkedHashMap<>();
        jdbc.sql("SELECT class_id, MAX(attended_on) FROM lookup_attendance WHERE staff_id = ? GROUP BY class_id")
                .param(staffId.value())
                .query((rs, n) -> attended.put(TrainingClassId.of(rs.getString(1)), rs.getObject(2, LocalDate.class)))
                .list();
        return attended;
    }

    @Override
    public boolean hasAttended(StaffId staffId, TrainingClassId classId, LocalDate day) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM lookup_attendance WHERE staff_id = ? AND class_id = ? AND attended_on = ?")
                        .params(staffId.value(), classId.value(), day)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @EventHandler
    void on(TrainingClassRegistered event) {
        jdbc.sql("INSERT INTO lookup_training_class (class_id, title, required_of_every_job, position) "
                        + "SELECT ?, ?, ?, COALESCE(MAX(position), 0) + 1 FROM lookup_training_class")
                .params(event.classId().value(), event.title(), event.requiredOfEveryJob())
                .update();
    }

    @EventHandler
    void on(JobRequiredClassesSet event) {
        jdbc.sql("UPDATE lookup_job SET required_classes = ? WHERE job_id = ?")
                .params(
                        Columns.json(event.classIds().stream()
                                .map(TrainingClassId::value)
                                .toList()),
                        event.jobId().value())
                .update();
    }

    @EventHandler
    void on(ClassAttended event) {
        jdbc.sql("INSERT INTO lookup_attendance (staff_id, class_id, attended_on) VALUES (?, ?, ?)")
                .params(event.staffId().value(), event.classId().value(), event.attendedOn())
                .update();
    }
}
