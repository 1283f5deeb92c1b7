package org.signoff.projections.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.signoff.catalog.api.JobRetired;
import org.signoff.projections.catalog.api.FindJobQuery;
import org.signoff.projections.catalog.api.JobView;
import org.signoff.projections.catalog.api.ListJobsQuery;
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
    public static final List<String> TABLES = List.of("projection_job");

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
        return jdbc.sql("SELECT * FROM projection_job WHERE (retired = FALSE OR ?) AND position > COALESCE("
                        + "(SELECT position FROM projection_job WHERE job_id = ?), 0) ORDER BY position "
                        + "FETCH FIRST ? ROWS ONLY")
                .params(query.includeRetired(), query.afterJobId(), query.limit())
                .query(CatalogProjection::view)
                .list();
    }

    @QueryHandler
    public Optional<JobView> handle(FindJobQuery query) {
        return jdbc.sql("SELECT * FROM projection_job WHERE job_id = ?")
                .param(query.jobId())
                .query(CatalogProjection::view)
                .optional();
    }

    private static JobView view(ResultSet rs, int row) throws SQLException {
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
                rs.getBoolean("retired"));
    }
}
