package org.signoff.api.catalog;

import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.api.lookup.LookupConfiguration;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.SharedJobAdopted;
import org.signoff.catalog.api.SharedJobId;
import org.signoff.consortium.api.SharedJobChanged;
import org.signoff.consortium.api.SharedJobDefined;
import org.signoff.staff.api.StaffId;
import org.signoff.storage.Columns;

/**
 * Tables {@code lookup_shared_job} and {@code lookup_shared_job_adoption}: the consortium's shared catalog as it
 * stands, and the member jobs that follow each shared job. Shared by design: every institution reads the shared
 * catalog; an adoption is found only by the shared job it follows, for the engine to bring it the next version.
 */
@Component
@ProcessingGroup(LookupConfiguration.PROCESSING_GROUP)
public class SharedJobs {

    /** A shared job as members see it, to adopt. */
    public record SharedJobView(String sharedJobId, int version, JobDefinition definition) {}

    private final JdbcClient jdbc;

    SharedJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SharedJobView> find(SharedJobId sharedJobId) {
        return jdbc.sql("SELECT * FROM lookup_shared_job WHERE shared_job_id = ?")
                .param(sharedJobId.value())
                .query(SharedJobs::view)
                .optional();
    }

    List<SharedJobView> all() {
        return jdbc.sql("SELECT * FROM lookup_shared_job ORDER BY shared_job_id")
                .query(SharedJobs::view)
                .list();
    }

    /** The shared job a job (by its key) follows, if it was adopted from one. */
    public Optional<SharedJobId> sharedJobOf(JobId job) {
        return jdbc.sql("SELECT shared_job_id FROM lookup_shared_job_adoption WHERE job_key = ?")
                .param(job.value())
                .query((rs, n) -> SharedJobId.of(rs.getString(1)))
                .optional();
    }

    /** A job following a shared job, and who adopted it. */
    record Adoption(JobId jobId, StaffId adoptedBy) {}

    /** The jobs following the shared job, in every institution. */
    List<Adoption> adoptionsOf(SharedJobId sharedJobId) {
        return jdbc.sql("SELECT job_key, adopted_by FROM lookup_shared_job_adoption WHERE shared_job_id = ? "
                        + "ORDER BY job_key")
                .param(sharedJobId.value())
                .query((rs, n) -> new Adoption(JobId.of(rs.getString(1)), StaffId.of(rs.getString(2))))
                .list();
    }

    private static SharedJobView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SharedJobView(
                rs.getString("shared_job_id"),
                rs.getInt("version"),
                Columns.json(rs.getString("definition"), JobDefinition.class));
    }

    @EventHandler
    void on(SharedJobDefined event) {
        jdbc.sql("INSERT INTO lookup_shared_job (shared_job_id, definition, version) VALUES (?, ?, 1)")
                .params(event.sharedJobId().value(), Columns.json(event.definition()))
                .update();
    }

    @EventHandler
    void on(SharedJobChanged event) {
        jdbc.sql("UPDATE lookup_shared_job SET definition = ?, version = ? WHERE shared_job_id = ?")
                .params(
                        Columns.json(event.definition()),
                        event.version(),
                        event.sharedJobId().value())
                .update();
    }

    @EventHandler
    void on(SharedJobAdopted event) {
        jdbc.sql("INSERT INTO lookup_shared_job_adoption (job_key, shared_job_id, adopted_by) VALUES (?, ?, ?)")
                .params(
                        event.jobId().value(),
                        event.sharedJobId().value(),
                        event.performedBy().value())
                .update();
    }
}
