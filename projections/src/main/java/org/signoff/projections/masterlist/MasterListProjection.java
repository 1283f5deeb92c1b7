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
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRetired;
import org.signoff.projections.Columns;
import org.signoff.projections.PersonalData;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.projections.masterlist.api.MasterListView.SignedOff;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberRegistered;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.RequestWithdrawn;

/**
 * The master list: a person joins it when production use is approved (role pending until the support team updates
 * it) and leaves it when that use is revoked or the ticket withdrawn. It keeps its own copy of what it shows of the
 * catalog (scopes, names, order) and of people's units, from the same events, so it depends on no other read model;
 * names come from the personal-data store at read time.
 */
@ProcessingGroup(MasterListProjection.PROCESSING_GROUP)
public class MasterListProjection {

    public static final String PROCESSING_GROUP = "master-list";

    private final JdbcClient jdbc;

    public MasterListProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- the catalog, as the list shows it

    @EventHandler
    void on(JobRegistered event) {
        JobDefinition job = event.definition();
        jdbc.sql("INSERT INTO projection_master_list_job (job_id, position, scope, name, notes, variants, retired) "
                        + "VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM projection_master_list_job), "
                        + "?, ?, ?, ?, FALSE)")
                .params(event.jobId().value(), job.scope(), job.name(), job.notes(), Columns.json(job.variants()))
                .update();
    }

    @EventHandler
    void on(JobChanged event) {
        JobDefinition job = event.definition();
        jdbc.sql("UPDATE projection_master_list_job SET scope = ?, name = ?, notes = ?, variants = ? "
                        + "WHERE job_id = ?")
                .params(
                        job.scope(),
                        job.name(),
                        job.notes(),
                        Columns.json(job.variants()),
                        event.jobId().value())
                .update();
    }

    @EventHandler
    void on(JobRetired event) {
        jdbc.sql("UPDATE projection_master_list_job SET retired = TRUE WHERE job_id = ?")
                .param(event.jobId().value())
                .update();
    }

    // --- people's units

    @EventHandler
    void on(StaffMemberRegistered event) {
        jdbc.sql("INSERT INTO projection_master_list_person (staff_id, unit) VALUES (?, ?)")
                .params(event.staffId().value(), event.unit())
                .update();
    }

    @EventHandler
    void on(StaffMemberChanged event) {
        jdbc.sql("UPDATE projection_master_list_person SET unit = ? WHERE staff_id = ?")
                .params(event.unit(), event.staffId().value())
                .update();
    }

    // --- who is signed off

    @EventHandler
    void on(ProductionUseApproved event, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO projection_master_list (ticket_id, staff_id, job_id, variant, role_pending, "
                        + "approved_at, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        event.ticketId().value(),
                        event.staffId().value(),
                        event.jobId().value(),
                        event.variant(),
                        event.roleUpdateNeeded(),
                        Columns.utc(at),
                        event.performedBy().value())
                .update();
    }

    @EventHandler
    void on(ProductionRoleUpdated event) {
        jdbc.sql("UPDATE projection_master_list SET role_pending = FALSE WHERE ticket_id = ?")
                .param(event.ticketId().value())
                .update();
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
        jdbc.sql("DELETE FROM projection_master_list WHERE ticket_id = ?")
                .param(ticketId)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM projection_master_list").update();
        jdbc.sql("DELETE FROM projection_master_list_person").update();
        jdbc.sql("DELETE FROM projection_master_list_job").update();
    }

    // --- the list

    @QueryHandler
    public MasterListView handle(FetchMasterListQuery query) {
        List<Entry> entries = jdbc.sql("SELECT m.*, u.unit, p.display_name FROM projection_master_list m "
                        + "LEFT JOIN projection_master_list_person u ON u.staff_id = m.staff_id "
                        + PersonalData.JOIN_ON + "m.staff_id "
                        + "ORDER BY COALESCE(p.display_name, m.staff_id), m.staff_id")
                .query((rs, n) -> new Entry(
                        rs.getString("job_id"),
                        rs.getString("variant"),
                        new SignedOff(
                                rs.getString("staff_id"),
                                rs.getString("display_name"),
                                rs.getString("unit"),
                                rs.getBoolean("role_pending"),
                                Columns.instant(rs, "approved_at"),
                                rs.getString("approved_by"),
                                rs.getString("ticket_id"))))
                .list();

        Map<String, List<MasterListView.Job>> scopes = new LinkedHashMap<>();
        for (ListedJob job : jdbc.sql("SELECT * FROM projection_master_list_job ORDER BY position")
                .query((rs, n) -> new ListedJob(
                        rs.getString("job_id"),
                        rs.getString("scope"),
                        rs.getString("name"),
                        rs.getString("notes"),
                        Columns.names(rs.getString("variants")),
                        rs.getBoolean("retired")))
                .list()) {
            List<Entry> ofJob =
                    entries.stream().filter(e -> e.jobId().equals(job.jobId())).toList();
            if (!job.retired() || !ofJob.isEmpty()) {
                scopes.computeIfAbsent(job.scope(), s -> new ArrayList<>()).add(listing(job, ofJob));
            }
        }

        return new MasterListView(scopes.entrySet().stream()
                .map(scope -> new MasterListView.Scope(scope.getKey(), scope.getValue()))
                .toList());
    }

    private static MasterListView.Job listing(ListedJob job, List<Entry> entries) {
        List<SignedOff> withoutVariant = entries.stream()
                .filter(e -> e.variant() == null)
                .map(Entry::person)
                .toList();
        Set<String> variantNames = new LinkedHashSet<>(job.variants());
        entries.stream().map(Entry::variant).filter(Objects::nonNull).forEach(variantNames::add);
        List<MasterListView.Variant> variants = variantNames.stream()
                .map(variant -> new MasterListView.Variant(
                        variant,
                        entries.stream()
                                .filter(e -> variant.equals(e.variant()))
                                .map(Entry::person)
                                .toList()))
                .toList();
        return new MasterListView.Job(job.jobId(), job.name(), job.notes(), job.retired(), withoutVariant, variants);
    }

    private record ListedJob(
            String jobId, String scope, String name, String notes, List<String> variants, boolean retired) {}

    private record Entry(String jobId, String variant, SignedOff person) {}
}
