package org.signoff.api.lookup;

import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.catalog.api.AlmaSide;
import org.signoff.catalog.api.JobAlmaSideSet;
import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRetired;
import org.signoff.lookup.CatalogEntry;
import org.signoff.lookup.JobCatalog;
import org.signoff.storage.Columns;

/**
 * Table {@code lookup_job}: each job's current definition and Alma side (as JSON, the side null until one is set)
 * and whether it was retired.
 */
@Component
@ProcessingGroup(LookupConfiguration.PROCESSING_GROUP)
class JobLookup implements JobCatalog {

    private final JdbcClient jdbc;

    JobLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CatalogEntry> find(JobId jobId) {
        return jdbc.sql("SELECT definition, retired, alma_side FROM lookup_job WHERE job_id = ?")
                .param(jobId.value())
                .query((rs, n) -> new CatalogEntry(
                        jobId,
                        Columns.json(rs.getString(1), JobDefinition.class),
                        rs.getBoolean(2),
                        almaSide(rs.getString(3))))
                .optional();
    }

    @Override
    public java.util.List<CatalogEntry> all() {
        return jdbc.sql("SELECT job_id, definition, retired, alma_side FROM lookup_job ORDER BY job_id")
                .query((rs, n) -> new CatalogEntry(
                        JobId.of(rs.getString(1)),
                        Columns.json(rs.getString(2), JobDefinition.class),
                        rs.getBoolean(3),
                        almaSide(rs.getString(4))))
                .list();
    }

    private static AlmaSide almaSide(String column) {
        return column == null ? AlmaSide.NONE : Columns.json(column, AlmaSide.class);
    }

    @EventHandler
    void on(JobRegistered event) {
        jdbc.sql("INSERT INTO lookup_job (job_id, definition, retired) VALUES (?, ?, FALSE)")
                .params(event.jobId().value(), Columns.json(event.definition()))
                .update();
    }

    @EventHandler
    void on(JobChanged event) {
        jdbc.sql("UPDATE lookup_job SET definition = ? WHERE job_id = ?")
                .params(Columns.json(event.definition()), event.jobId().value())
                .update();
    }

    @EventHandler
    void on(JobAlmaSideSet event) {
        jdbc.sql("UPDATE lookup_job SET alma_side = ? WHERE job_id = ?")
                .params(Columns.json(event.almaSide()), event.jobId().value())
                .update();
    }

    @EventHandler
    void on(JobRetired event) {
        jdbc.sql("UPDATE lookup_job SET retired = TRUE WHERE job_id = ?")
                .param(event.jobId().value())
                .update();
    }
}
