package org.signoff.projections.masterlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.signoff.projections.Columns;
import org.signoff.projections.catalog.CatalogProjection;
import org.signoff.projections.catalog.api.JobView;
import org.signoff.projections.catalog.api.ListJobsQuery;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.projections.masterlist.api.MasterListView.SignedOff;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.RequestWithdrawn;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The master list: a person joins it when production use is approved (role pending until the support team updates
 * it) and leaves it when that use is revoked or the ticket withdrawn. Jobs, scopes and their order come from the
 * catalog; names from the personal-data store.
 */
@ProcessingGroup(MasterListProjection.PROCESSING_GROUP)
public class MasterListProjection {

    public static final String PROCESSING_GROUP = "master-list";
    static final String UNLISTED_SCOPE = "Unlisted";

    private final JdbcClient jdbc;
    private final CatalogProjection catalog;

    public MasterListProjection(JdbcClient jdbc, CatalogProjection catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @EventHandler
    void on(ProductionUseApproved event, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO projection_master_list (ticket_id, staff_id, job_id, variant, role_pending, "
                        + "approved_at, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(event.ticketId().value(), event.staffId().value(), event.jobId().value(), event.variant(),
                        event.roleUpdateNeeded(), Columns.utc(at), event.performedBy().value())
                .update();
    }

    @EventHandler
    void on(ProductionRoleUpdated event) {
        jdbc.sql("UPDATE projection_master_list SET role_pending = FALSE WHERE ticket_id = ?")
                .param(event.ticketId().value()).update();
    }

    @EventHandler
    void on(ProductionUseRevoked event) {
        remove(event.ticketId().value());
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        remove(event.ticketId().value());
    }

    private void remove(String ticketId) {
        jdbc.sql("DELETE FROM projection_master_list WHERE ticket_id = ?").param(ticketId).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM projection_master_list").update();
    }

    @QueryHandler
    public MasterListView handle(FetchMasterListQuery query) {
        List<Entry> entries = jdbc.sql("SELECT m.*, s.unit, p.display_name FROM projection_master_list m "
                        + "LEFT JOIN projection_staff s ON s.staff_id = m.staff_id "
                        + "LEFT JOIN personal_data p ON p.staff_id = m.staff_id "
                        + "ORDER BY COALESCE(p.display_name, m.staff_id), m.staff_id")
                .query((rs, n) -> new Entry(rs.getString("job_id"), rs.getString("variant"),
                        new SignedOff(rs.getString("staff_id"), rs.getString("display_name"), rs.getString("unit"),
                                rs.getBoolean("role_pending"), Columns.instant(rs, "approved_at"),
                                rs.getString("approved_by"), rs.getString("ticket_id"))))
                .list();

        Map<String, List<MasterListView.Job>> scopes = new LinkedHashMap<>();
        Set<String> listedJobs = new LinkedHashSet<>();
        for (JobView job : catalog.handle(new ListJobsQuery(true))) {
            List<Entry> ofJob = entries.stream().filter(e -> e.jobId().equals(job.jobId())).toList();
            if (job.retired() && ofJob.isEmpty()) {
                continue;
            }
            listedJobs.add(job.jobId());
            scopes.computeIfAbsent(job.scope(), s -> new ArrayList<>())
                    .add(listing(job.jobId(), job.name(), job.notes(), job.retired(), job.variants(), ofJob));
        }
        // signed off on a job the catalog has not caught up with yet: listed, not lost
        entries.stream().map(Entry::jobId).filter(id -> !listedJobs.contains(id)).distinct().forEach(jobId ->
                scopes.computeIfAbsent(UNLISTED_SCOPE, s -> new ArrayList<>()).add(listing(jobId, jobId, null, false,
                        List.of(), entries.stream().filter(e -> e.jobId().equals(jobId)).toList())));

        return new MasterListView(scopes.entrySet().stream()
                .map(scope -> new MasterListView.Scope(scope.getKey(), scope.getValue()))
                .toList());
    }

    private static MasterListView.Job listing(String jobId, String name, String notes, boolean retired,
                                              List<String> catalogVariants, List<Entry> entries) {
        List<SignedOff> withoutVariant = entries.stream().filter(e -> e.variant() == null).map(Entry::person)
                .toList();
        Set<String> variantNames = new LinkedHashSet<>(catalogVariants);
        entries.stream().map(Entry::variant).filter(Objects::nonNull).forEach(variantNames::add);
        List<MasterListView.Variant> variants = variantNames.stream()
                .map(variant -> new MasterListView.Variant(variant, entries.stream()
                        .filter(e -> variant.equals(e.variant())).map(Entry::person).toList()))
                .toList();
        return new MasterListView.Job(jobId, name, notes, retired, withoutVariant, variants);
    }

    private record Entry(String jobId, String variant, SignedOff person) {
    }
}
