package org.signoff.projections.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.catalog.api.AlmaSide;
import org.signoff.catalog.api.JobAlmaSideSet;
import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRequiredClassesSet;
import org.signoff.catalog.api.JobRetired;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.common.InstitutionScope;
import org.signoff.projections.catalog.api.FindJobQuery;
import org.signoff.projections.catalog.api.JobView;
import org.signoff.projections.catalog.api.ListJobsQuery;
import org.signoff.projections.catalog.api.ListTrainingClassesQuery;
import org.signoff.projections.catalog.api.TrainingClassView;
import org.signoff.storage.Columns;

/** The job catalog as dashboards read it. */
@ProcessingGroup(CatalogProjection.PROCESSING_GROUP)
public class CatalogProjection {

    public static final String PROCESSING_GROUP = "catalog";

    /**
     * The shape of its tables' rows: raised with a migration after which rows written before it need the events
     * replayed (a column filled from them, say); a node that finds an older shape recorded rebuilds the read model.
     */
    public static final int SHAPE = 1;

    /** Its tables: nobody else reads or writes them. */
    public static final List<String> TABLES = List.of("projection_job", "projection_training_class");

    private final JdbcClient jdbc;

    public CatalogProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(JobRegistered event) {
        jdbc.sql("INSERT INTO projection_job (job_id, position, scope, name, definition, retired) "
                        + "VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM projection_job), ?, ?, ?, FALSE)")
                .params(
                        event.jobId().value(),
                        event.definition().scope(),
                        event.definition().name(),
                        Columns.json(event.definition()))
                .update();
    }

    @EventHandler
    void on(JobChanged event) {
        jdbc.sql("UPDATE projection_job SET scope = ?, name = ?, definition = ? WHERE job_id = ?")
                .params(
                        event.definition().scope(),
                        event.definition().name(),
                        Columns.json(event.definition()),
                        event.jobId().value())
                .update();
    }

    @EventHandler
    void on(JobAlmaSideSet event) {
        jdbc.sql("UPDATE projection_job SET alma_side = ? WHERE job_id = ?")
                .params(Columns.json(event.almaSide()), event.jobId().value())
                .update();
    }

    @EventHandler
    void on(JobRequiredClassesSet event) {
        jdbc.sql("UPDATE projection_job SET required_classes = ? WHERE job_id = ?")
                .params(
                        Columns.json(event.classIds().stream()
                                .map(TrainingClassId::value)
                                .toList()),
                        event.jobId().value())
                .update();
    }

    @EventHandler
    void on(TrainingClassRegistered event) {
        jdbc.sql("INSERT INTO projection_training_class (class_id, position, title, functional_area, "
                        + "required_of_every_job) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM "
                        + "projection_training_class), ?, ?, ?)")
                .params(event.classId().value(), event.title(), event.functionalArea(), event.requiredOfEveryJob())
                .update();
    }

    @EventHandler
    void on(JobRetired event) {
        jdbc.sql("UPDATE projection_job SET retired = TRUE WHERE job_id = ?")
                .param(event.jobId().value())
                .update();
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }

    @QueryHandler
    public List<JobView> handle(ListJobsQuery query) {
        InstitutionScope within = query.within();
        return jdbc.sql("SELECT * FROM projection_job WHERE " + InstitutionScope.keysOf("job_id")
                        + " AND (retired = FALSE OR ?) AND position > COALESCE("
                        + "(SELECT position FROM projection_job WHERE job_id = ?), 0) ORDER BY position "
                        + "FETCH FIRST ? ROWS ONLY")
                .params(
                        within.keysLike(),
                        within.keysNotLike(),
                        query.includeRetired(),
                        query.afterJobId(),
                        query.limit())
                .query(this::view)
                .list();
    }

    @QueryHandler
    public Optional<JobView> handle(FindJobQuery query) {
        return jdbc.sql("SELECT * FROM projection_job WHERE job_id = ?")
                .param(query.jobId())
                .query(this::view)
                .optional();
    }

    @QueryHandler
    public List<TrainingClassView> handle(ListTrainingClassesQuery query) {
        return classes(query.within().keysLike(), query.within().keysNotLike());
    }

    private List<TrainingClassView> classes(String keysLike, String keysNotLike) {
        return jdbc.sql("SELECT * FROM projection_training_class WHERE " + InstitutionScope.keysOf("class_id")
                        + " ORDER BY position")
                .params(keysLike, keysNotLike)
                .query((rs, row) -> new TrainingClassView(
                        rs.getString("class_id"),
                        rs.getString("title"),
                        rs.getString("functional_area"),
                        rs.getBoolean("required_of_every_job")))
                .list();
    }

    /**
     * Those every job of its institution requires first, then the job's own, each once, in the order the job names
     * them.
     */
    private List<TrainingClassView> requiredClasses(String jobKey, String json) {
        List<String> named = json == null ? List.of() : List.of(Columns.json(json, String[].class));
        String prefix = InstitutionScope.prefixOf(jobKey);
        List<TrainingClassView> classes =
                classes(InstitutionScope.keysLike(prefix), InstitutionScope.keysNotLike(prefix));
        List<TrainingClassView> required = new ArrayList<>(
                classes.stream().filter(TrainingClassView::requiredOfEveryJob).toList());
        named.forEach(id -> classes.stream()
                .filter(c -> c.classId().equals(id) && !required.contains(c))
                .forEach(required::add));
        return List.copyOf(required);
    }

    private JobView view(ResultSet rs, int row) throws SQLException {
        JobDefinition definition = Columns.json(rs.getString("definition"), JobDefinition.class);
        String almaSide = rs.getString("alma_side");
        return new JobView(
                rs.getString("job_id"),
                definition.scope(),
                definition.name(),
                definition.notes(),
                definition.requiredReadings(),
                definition.variants(),
                definition.signOffPerVariant(),
                definition.roleUpdateUsuallyNeeded(),
                definition.signOffValidFor(),
                almaSide == null ? AlmaSide.NONE : Columns.json(almaSide, AlmaSide.class),
                requiredClasses(rs.getString("job_id"), rs.getString("required_classes")),
                rs.getBoolean("retired"));
    }
}
