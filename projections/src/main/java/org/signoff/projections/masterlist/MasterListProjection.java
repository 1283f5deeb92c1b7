package org.signoff.projections.masterlist;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.common.InstitutionScope;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.FetchPermissionsQuery;
import org.signoff.projections.masterlist.api.FetchSuspendedSignOffsQuery;
import org.signoff.projections.masterlist.api.FindRecertificationCampaignQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.projections.masterlist.api.MasterListView.SignedOff;
import org.signoff.projections.masterlist.api.MasterListView.TestEvidence;
import org.signoff.projections.masterlist.api.PendingRecertificationView;
import org.signoff.projections.masterlist.api.PendingRecertificationsQuery;
import org.signoff.projections.masterlist.api.PermissionView;
import org.signoff.projections.masterlist.api.RecertificationCampaignView;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.staff.api.StaffMemberRegistered;
import org.signoff.storage.Columns;
import org.signoff.storage.PersonalData;
import org.signoff.ticket.api.AttendedClass;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.MigrationSource;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseDenied;
import org.signoff.ticket.api.ProductionUseLapsed;
import org.signoff.ticket.api.ProductionUseRecertified;
import org.signoff.ticket.api.ProductionUseReinstated;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.ProductionUseSuspended;
import org.signoff.ticket.api.RecertificationRequested;
import org.signoff.ticket.api.RequestWithdrawn;
import org.signoff.ticket.api.RequesterLeft;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.SignOffMigrated;
import org.signoff.ticket.api.SignOffValidUntil;

/**
 * The master list: a person joins it when production use is approved (role pending until the support team updates
 * it) and leaves it when that use is revoked or the ticket withdrawn. It keeps its own copy of what it shows of the
 * catalog (scopes, names, order) and of people's units, from the same events, so it depends on no other read model;
 * names come from the personal-data store at read time.
 */
@ProcessingGroup(MasterListProjection.PROCESSING_GROUP)
public class MasterListProjection {

    public static final String PROCESSING_GROUP = "master-list";

    /**
     * The shape of its tables' rows: raised with a migration after which rows written before it need the events
     * replayed (a column filled from them, say); a node that finds an older shape recorded rebuilds the read model.
     */
    public static final int SHAPE = 3; // 2: role_in_alma; 3: the training behind each sign-off

    /** Its tables: nobody else reads or writes them. */
    public static final List<String> TABLES = List.of(
            "projection_master_list",
            "projection_master_list_test",
            "projection_master_list_suspension",
            "projection_recertification_campaign",
            "projection_master_list_person",
            "projection_master_list_job",
            "projection_master_list_class",
            "projection_master_list_training");

    private static final String TEST_COLUMNS = "test_job_instance, test_records, test_outcome, test_attachments, "
            + "test_notes, test_reported_by, test_reported_at";

    private final JdbcClient jdbc;

    public MasterListProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- the catalog, as the list shows it

    @EventHandler
    void on(JobRegistered event, @Timestamp Instant at) {
        JobDefinition job = event.definition();
        jdbc.sql("INSERT INTO projection_master_list_job (job_id, position, scope, name, notes, variants, retired, "
                        + "registered_at) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM "
                        + "projection_master_list_job), ?, ?, ?, ?, FALSE, ?)")
                .params(
                        event.jobId().value(),
                        job.scope(),
                        job.name(),
                        job.notes(),
                        Columns.json(job.variants()),
                        Columns.utc(at))
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
    void on(JobRetired event, @Timestamp Instant at) {
        jdbc.sql("UPDATE projection_master_list_job SET retired = TRUE, retired_at = ? WHERE job_id = ?")
                .params(Columns.utc(at), event.jobId().value())
                .update();
    }

    @EventHandler
    void on(TrainingClassRegistered event) {
        jdbc.sql("INSERT INTO projection_master_list_class (class_id, title) VALUES (?, ?)")
                .params(event.classId().value(), event.title())
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

    // --- who is signed off, since when, until when; and on what evidence

    /** The training the request rests on: kept by ticket, shown with the sign-off once approved. */
    @EventHandler
    void on(JobAccessRequested event) {
        String ticketId = event.ticketId().value();
        forgetTraining(ticketId);
        List<AttendedClass> training = event.training();
        for (int i = 0; i < training.size(); i++) {
            AttendedClass attended = training.get(i);
            jdbc.sql("INSERT INTO projection_master_list_training (ticket_id, position, class_id, title, attended_on) "
                            + "VALUES (?, ?, ?, COALESCE((SELECT title FROM projection_master_list_class "
                            + "WHERE class_id = ?), ?), ?)")
                    .params(
                            ticketId,
                            i,
                            attended.classId().value(),
                            attended.classId().value(),
                            attended.classId().value(),
                            attended.attendedOn())
                    .update();
        }
    }

    @EventHandler
    void on(SandboxTestReported event, @Timestamp Instant at) {
        String ticketId = event.ticketId().value();
        forgetTest(ticketId);
        jdbc.sql("INSERT INTO projection_master_list_test (ticket_id, " + TEST_COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        ticketId,
                        event.evidence().jobInstanceRef(),
                        event.evidence().recordsProcessed(),
                        event.evidence().outcome().name(),
                        Columns.json(event.evidence().attachments().stream()
                                .map(URI::toString)
                                .toList()),
                        event.notes(),
                        event.performedBy().value(),
                        Columns.utc(at))
                .update();
    }

    @EventHandler
    void on(ProductionUseApproved event, @Timestamp Instant at) {
        String ticketId = event.ticketId().value();
        jdbc.sql("INSERT INTO projection_master_list (ticket_id, staff_id, job_id, variant, role_pending, "
                        + "approved_at, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        ticketId,
                        event.staffId().value(),
                        event.jobId().value(),
                        event.variant(),
                        event.roleUpdateNeeded(),
                        Columns.utc(at),
                        event.performedBy().value())
                .update();
        jdbc.sql("UPDATE projection_master_list SET (" + TEST_COLUMNS + ") = (SELECT " + TEST_COLUMNS
                        + " FROM projection_master_list_test WHERE ticket_id = ?) WHERE ticket_id = ? "
                        + "AND EXISTS (SELECT 1 FROM projection_master_list_test WHERE ticket_id = ?)")
                .params(ticketId, ticketId, ticketId)
                .update();
        forgetTest(ticketId);
    }

    /** A sign-off from the old master list: listed from its day, with where it came from and no test behind it. */
    @EventHandler
    void on(SignOffMigrated event) {
        MigrationSource source = event.source();
        jdbc.sql("INSERT INTO projection_master_list (ticket_id, staff_id, job_id, variant, role_pending, "
                        + "approved_at, approved_by, migrated_from) VALUES (?, ?, ?, ?, FALSE, ?, ?, ?)")
                .params(
                        event.ticketId().value(),
                        event.staffId().value(),
                        event.jobId().value(),
                        event.variant(),
                        Columns.utc(event.signedOffAt()),
                        event.approvedBy() == null ? null : event.approvedBy().value(),
                        source == null ? null : source.batchId() + " " + source.file() + ":" + source.line())
                .update();
    }

    @EventHandler
    void on(ProductionRoleUpdated event, @Timestamp Instant at) {
        jdbc.sql("UPDATE projection_master_list SET role_pending = FALSE, role_updated_at = ?, role_in_alma = ? "
                        + "WHERE ticket_id = ?")
                .params(
                        Columns.utc(at),
                        event.almaRolesAdded() != null,
                        event.ticketId().value())
                .update();
    }

    @EventHandler
    void on(ProductionUseRevoked event, @Timestamp Instant at) {
        end(event.ticketId().value(), at, event.performedBy().value(), "REVOKED", event.reason());
    }

    @EventHandler
    void on(RequestWithdrawn event, @Timestamp Instant at) {
        end(event.ticketId().value(), at, event.performedBy().value(), "WITHDRAWN", event.reason());
        forgetTest(event.ticketId().value());
        forgetTrainingUnlessSignedOff(event.ticketId().value());
    }

    @EventHandler
    void on(SignOffValidUntil event) {
        jdbc.sql("UPDATE projection_master_list SET valid_until = ?, recertification_requested_at = NULL "
                        + "WHERE ticket_id = ?")
                .params(Columns.utc(event.until()), event.ticketId().value())
                .update();
    }

    @EventHandler
    void on(RecertificationRequested event, @Timestamp Instant at) {
        jdbc.sql("UPDATE projection_master_list SET recertification_requested_at = ? WHERE ticket_id = ?")
                .params(Columns.utc(at), event.ticketId().value())
                .update();
        if (event.campaignId() != null) {
            jdbc.sql("INSERT INTO projection_recertification_campaign (campaign_id, ticket_id, staff_id, job_id, "
                            + "reason, asked_by, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            event.campaignId(),
                            event.ticketId().value(),
                            event.staffId().value(),
                            event.jobId().value(),
                            event.reason(),
                            event.performedBy() == null
                                    ? null
                                    : event.performedBy().value(),
                            Columns.utc(at))
                    .update();
        }
    }

    @EventHandler
    void on(ProductionUseRecertified event, @Timestamp Instant at) {
        jdbc.sql("UPDATE projection_master_list SET recertification_requested_at = NULL WHERE ticket_id = ?")
                .param(event.ticketId().value())
                .update();
        decide(event.ticketId().value(), "RECERTIFIED", at);
    }

    /** What became of the sign-off, for every campaign still waiting on it. */
    private void decide(String ticketId, String outcome, Instant at) {
        jdbc.sql("UPDATE projection_recertification_campaign SET outcome = ?, decided_at = ? "
                        + "WHERE ticket_id = ? AND outcome IS NULL")
                .params(outcome, Columns.utc(at), ticketId)
                .update();
    }

    @EventHandler
    void on(ProductionUseLapsed event, @Timestamp Instant at) {
        end(event.ticketId().value(), at, null, "LAPSED", null);
    }

    @EventHandler
    void on(RequesterLeft event, @Timestamp Instant at) {
        end(event.ticketId().value(), at, event.performedBy().value(), "REQUESTER_LEFT", event.reason());
        forgetTest(event.ticketId().value());
        forgetTrainingUnlessSignedOff(event.ticketId().value());
    }

    @EventHandler
    void on(ProductionUseSuspended event, @Timestamp Instant at) {
        jdbc.sql("INSERT INTO projection_master_list_suspension (ticket_id, suspended_at) VALUES (?, ?)")
                .params(event.ticketId().value(), Columns.utc(at))
                .update();
    }

    @EventHandler
    void on(ProductionUseReinstated event, @Timestamp Instant at) {
        jdbc.sql("UPDATE projection_master_list_suspension SET reinstated_at = ? "
                        + "WHERE ticket_id = ? AND reinstated_at IS NULL")
                .params(Columns.utc(at), event.ticketId().value())
                .update();
    }

    @EventHandler
    void on(ProductionUseDenied event) {
        forgetTest(event.ticketId().value());
        forgetTraining(event.ticketId().value());
    }

    /** A sign-off ends: it leaves the list from this instant on, and stays in its history. */
    private void end(String ticketId, Instant at, String by, String how, String reason) {
        jdbc.sql("UPDATE projection_master_list SET ended_at = ?, ended_by = ?, ended_how = ?, end_reason = ? "
                        + "WHERE ticket_id = ? AND ended_at IS NULL")
                .params(Columns.utc(at), by, how, reason, ticketId)
                .update();
        decide(ticketId, how, at);
    }

    private void forgetTraining(String ticketId) {
        jdbc.sql("DELETE FROM projection_master_list_training WHERE ticket_id = ?")
                .param(ticketId)
                .update();
    }

    /** A ticket that ended before its approval: its training backs no sign-off. */
    private void forgetTrainingUnlessSignedOff(String ticketId) {
        jdbc.sql("DELETE FROM projection_master_list_training WHERE ticket_id = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM projection_master_list WHERE ticket_id = ?)")
                .params(ticketId, ticketId)
                .update();
    }

    private void forgetTest(String ticketId) {
        jdbc.sql("DELETE FROM projection_master_list_test WHERE ticket_id = ?")
                .param(ticketId)
                .update();
    }

    /** An erased person's sign-offs, and those they approved or ended, stay under the name they show as now. */
    @EventHandler
    void on(StaffMemberErased event) {
        PersonalData.erasedStaffId(jdbc, event).ifPresent(staffId -> {
            eraseFreeText(staffId);
            StaffId erasedAs = event.erasedAs();
            PersonalData.replace(
                    jdbc,
                    staffId,
                    erasedAs,
                    "projection_master_list",
                    List.of("staff_id", "approved_by", "ended_by", "test_reported_by"),
                    List.of());
            PersonalData.replace(
                    jdbc, staffId, erasedAs, "projection_master_list_person", List.of("staff_id"), List.of());
            PersonalData.replace(
                    jdbc, staffId, erasedAs, "projection_master_list_test", List.of("test_reported_by"), List.of());
            PersonalData.replace(
                    jdbc,
                    staffId,
                    erasedAs,
                    "projection_recertification_campaign",
                    List.of("staff_id", "asked_by"),
                    List.of());
        });
    }

    /** The free text about the person's sign-offs, and what they wrote (reports, reasons for ending, campaigns). */
    private void eraseFreeText(String staffId) {
        String erased = "'" + PersonalData.ERASED_TEXT + "'";
        jdbc.sql("UPDATE projection_master_list SET test_notes = CASE WHEN test_notes IS NULL THEN NULL ELSE " + erased
                        + " END, end_reason = CASE WHEN end_reason IS NULL THEN NULL ELSE " + erased + " END "
                        + "WHERE staff_id = ? OR test_reported_by = ?")
                .params(staffId, staffId)
                .update();
        jdbc.sql("UPDATE projection_master_list SET end_reason = " + erased
                        + " WHERE ended_by = ? AND end_reason IS NOT NULL")
                .param(staffId)
                .update();
        jdbc.sql("UPDATE projection_master_list_test SET test_notes = " + erased
                        + " WHERE test_reported_by = ? AND test_notes IS NOT NULL")
                .param(staffId)
                .update();
        jdbc.sql("UPDATE projection_recertification_campaign SET reason = " + erased
                        + " WHERE (staff_id = ? OR asked_by = ?) AND reason IS NOT NULL")
                .params(staffId, staffId)
                .update();
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }

    // --- the list

    /** The rows of the caller's institution only, by their jobs' keys (named parameters keysLike, keysNotLike). */
    private static final String WITHIN_JOB =
            "(m.job_id LIKE :keysLike ESCAPE '!' AND m.job_id NOT LIKE :keysNotLike ESCAPE '!')";
    /**
     * The list now, or as it stood at an instant: the sign-offs approved by then and not yet ended, each with its role
     * update pending or done as it was then, and the jobs registered by then (retired if they were).
     */
    @QueryHandler
    public MasterListView handle(FetchMasterListQuery query) {
        return list(query, false);
    }

    /** See {@link FetchSuspendedSignOffsQuery}: the list's own reading, of the sign-offs it leaves out meanwhile. */
    @QueryHandler
    public MasterListView handle(FetchSuspendedSignOffsQuery query) {
        return list(new FetchMasterListQuery(query.within(), null, null, null, null, null), true);
    }

    private MasterListView list(FetchMasterListQuery query, boolean suspended) {
        Instant at = query.at();
        String listed = at == null
                ? "m.ended_at IS NULL AND " + (suspended ? "" : "NOT ") + "EXISTS (SELECT 1 FROM "
                        + "projection_master_list_suspension s WHERE s.ticket_id = m.ticket_id AND s.reinstated_at IS NULL)"
                : "m.approved_at <= :at AND (m.ended_at IS NULL OR m.ended_at > :at) AND NOT EXISTS (SELECT 1 FROM "
                        + "projection_master_list_suspension s WHERE s.ticket_id = m.ticket_id "
                        + "AND s.suspended_at <= :at AND (s.reinstated_at IS NULL OR s.reinstated_at > :at))";
        String pending = at == null ? "m.role_pending" : "(m.role_pending OR m.role_updated_at > :at)";
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("keysLike", query.within().keysLike());
        parameters.put("keysNotLike", query.within().keysNotLike());
        if (at != null) {
            parameters.put("at", Columns.utc(at));
        }
        String filters = "";
        if (query.unit() != null) {
            filters += " AND u.unit = :unit";
            parameters.put("unit", query.unit());
        }
        if (query.staffId() != null) {
            filters += " AND m.staff_id = :staffId";
            parameters.put("staffId", query.staffId());
        }
        List<Entry> entries = jdbc.sql("SELECT m.*, " + pending + " AS pending, u.unit, p.display_name "
                        + "FROM projection_master_list m "
                        + "LEFT JOIN projection_master_list_person u ON u.staff_id = m.staff_id "
                        + PersonalData.JOIN_ON + "m.staff_id WHERE " + listed + filters + " AND " + WITHIN_JOB
                        + " ORDER BY COALESCE(p.display_name, m.staff_id), m.staff_id")
                .params(parameters)
                .query((rs, n) -> new Entry(
                        rs.getString("job_id"),
                        rs.getString("variant"),
                        new SignedOff(
                                rs.getString("staff_id"),
                                rs.getString("display_name"),
                                rs.getString("unit"),
                                rs.getBoolean("pending"),
                                !rs.getBoolean("pending") && rs.getBoolean("role_in_alma"),
                                Columns.instant(rs, "approved_at"),
                                rs.getString("approved_by"),
                                rs.getString("ticket_id"),
                                evidence(rs),
                                at == null ? Columns.instant(rs, "valid_until") : null,
                                rs.getString("migrated_from"))))
                .list();

        Map<String, List<MasterListView.Job>> scopes = new LinkedHashMap<>();
        // as of an instant: the jobs registered by then, and any with a sign-off then (one brought in from the old
        // master list may be older than the job's registration in the engine)
        String jobs = at == null
                ? "SELECT m.*, retired AS retired_then, TRUE AS registered_then FROM projection_master_list_job m "
                        + "WHERE " + WITHIN_JOB + " ORDER BY position"
                : "SELECT m.*, (retired_at IS NOT NULL AND retired_at <= :at) AS retired_then, "
                        + "(registered_at <= :at) AS registered_then FROM projection_master_list_job m WHERE "
                        + WITHIN_JOB + " ORDER BY position";
        for (ListedJob job : jdbc.sql(jobs)
                .params(parameters)
                .query((rs, n) -> new ListedJob(
                        rs.getString("job_id"),
                        rs.getString("scope"),
                        rs.getString("name"),
                        rs.getString("notes"),
                        Columns.names(rs.getString("variants")),
                        rs.getBoolean("retired_then"),
                        rs.getBoolean("registered_then")))
                .list()) {
            if ((query.scope() != null && !query.scope().equals(job.scope()))
                    || (query.jobId() != null && !query.jobId().equals(job.jobId()))) {
                continue;
            }
            List<Entry> ofJob =
                    entries.stream().filter(e -> e.jobId().equals(job.jobId())).toList();
            if (!job.registered() && ofJob.isEmpty()) {
                continue;
            }
            if (query.byPeople() || suspended ? !ofJob.isEmpty() : !job.retired() || !ofJob.isEmpty()) {
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

    /** A campaign and its progress; empty for a campaign that asked about nothing or does not exist. */
    @QueryHandler
    public Optional<RecertificationCampaignView> handle(FindRecertificationCampaignQuery query) {
        List<CampaignRow> rows = jdbc.sql("SELECT * FROM projection_recertification_campaign WHERE campaign_id = ? "
                        + "ORDER BY asked_at, ticket_id")
                .param(query.campaignId())
                .query((rs, n) -> new CampaignRow(
                        rs.getString("reason"),
                        rs.getString("asked_by"),
                        Columns.instant(rs, "asked_at"),
                        new RecertificationCampaignView.SignOff(
                                rs.getString("ticket_id"),
                                rs.getString("staff_id"),
                                rs.getString("job_id"),
                                rs.getString("outcome"),
                                Columns.instant(rs, "decided_at"))))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<RecertificationCampaignView.SignOff> signOffs =
                rows.stream().map(CampaignRow::signOff).toList();
        int recertified = (int) signOffs.stream()
                .filter(signOff -> "RECERTIFIED".equals(signOff.outcome()))
                .count();
        int pending = (int)
                signOffs.stream().filter(signOff -> signOff.outcome() == null).count();
        CampaignRow first = rows.get(0);
        return Optional.of(new RecertificationCampaignView(
                query.campaignId(),
                first.reason(),
                first.askedBy(),
                first.askedAt(),
                signOffs.size(),
                recertified,
                signOffs.size() - recertified - pending,
                pending,
                signOffs));
    }

    /** One sign-off a campaign asked about; the campaign's reason, starter and time are on each. */
    private record CampaignRow(
            String reason, String askedBy, Instant askedAt, RecertificationCampaignView.SignOff signOff) {}

    /** The recertification work queue, the soonest to lapse first. */
    @QueryHandler
    public List<PendingRecertificationView> handle(PendingRecertificationsQuery query) {
        return jdbc.sql("SELECT m.*, p.display_name FROM projection_master_list m " + PersonalData.JOIN_ON
                        + "m.staff_id WHERE m.recertification_requested_at IS NOT NULL AND m.ended_at IS NULL AND "
                        + InstitutionScope.keysOf("m.job_id")
                        + (query.jobId() == null ? "" : " AND m.job_id = ?")
                        + " ORDER BY m.valid_until, m.ticket_id")
                .params(
                        query.jobId() == null
                                ? List.of(
                                        query.within().keysLike(),
                                        query.within().keysNotLike())
                                : List.of(
                                        query.within().keysLike(),
                                        query.within().keysNotLike(),
                                        query.jobId()))
                .query((rs, n) -> new PendingRecertificationView(
                        rs.getString("ticket_id"),
                        rs.getString("staff_id"),
                        rs.getString("display_name"),
                        rs.getString("job_id"),
                        rs.getString("variant"),
                        Columns.instant(rs, "approved_at"),
                        Columns.instant(rs, "valid_until"),
                        Columns.instant(rs, "recertification_requested_at")))
                .list();
    }

    /** A person's intervals of permission, oldest first, each with the times it was suspended. */
    @QueryHandler
    public List<PermissionView> handle(FetchPermissionsQuery query) {
        Map<String, List<PermissionView.Suspension>> suspensions = new LinkedHashMap<>();
        jdbc.sql("SELECT s.* FROM projection_master_list_suspension s JOIN projection_master_list m "
                        + "ON m.ticket_id = s.ticket_id WHERE m.staff_id = ?"
                        + (query.jobId() == null ? "" : " AND m.job_id = ?")
                        + " ORDER BY s.suspended_at")
                .params(query.jobId() == null ? List.of(query.staffId()) : List.of(query.staffId(), query.jobId()))
                .query((rs, n) -> suspensions
                        .computeIfAbsent(rs.getString("ticket_id"), ticket -> new ArrayList<>())
                        .add(new PermissionView.Suspension(
                                Columns.instant(rs, "suspended_at"), Columns.instant(rs, "reinstated_at"))))
                .list();
        Map<String, List<PermissionView.Training>> training = new LinkedHashMap<>();
        jdbc.sql("SELECT c.* FROM projection_master_list_training c JOIN projection_master_list m "
                        + "ON m.ticket_id = c.ticket_id WHERE m.staff_id = ?"
                        + (query.jobId() == null ? "" : " AND m.job_id = ?")
                        + " ORDER BY c.ticket_id, c.position")
                .params(query.jobId() == null ? List.of(query.staffId()) : List.of(query.staffId(), query.jobId()))
                .query((rs, n) -> training.computeIfAbsent(rs.getString("ticket_id"), ticket -> new ArrayList<>())
                        .add(new PermissionView.Training(
                                rs.getString("class_id"),
                                rs.getString("title"),
                                rs.getObject("attended_on", LocalDate.class))))
                .list();
        return jdbc.sql("SELECT * FROM projection_master_list WHERE staff_id = ?"
                        + (query.jobId() == null ? "" : " AND job_id = ?")
                        + " ORDER BY approved_at, ticket_id")
                .params(query.jobId() == null ? List.of(query.staffId()) : List.of(query.staffId(), query.jobId()))
                .query((rs, n) -> new PermissionView(
                        rs.getString("ticket_id"),
                        rs.getString("job_id"),
                        rs.getString("variant"),
                        Columns.instant(rs, "approved_at"),
                        rs.getString("approved_by"),
                        evidence(rs),
                        Columns.instant(rs, "role_updated_at"),
                        Columns.instant(rs, "ended_at"),
                        rs.getString("ended_how"),
                        rs.getString("ended_by"),
                        rs.getString("end_reason"),
                        suspensions.getOrDefault(rs.getString("ticket_id"), List.of()),
                        training.getOrDefault(rs.getString("ticket_id"), List.of())))
                .list();
    }

    /** The test report an entry's approval rests on, or {@code null} when it had none (a migrated sign-off). */
    private static TestEvidence evidence(ResultSet rs) throws SQLException {
        String jobInstance = rs.getString("test_job_instance");
        return jobInstance == null
                ? null
                : new TestEvidence(
                        jobInstance,
                        rs.getLong("test_records"),
                        rs.getString("test_outcome"),
                        Columns.strings(rs.getString("test_attachments")),
                        rs.getString("test_notes"),
                        rs.getString("test_reported_by"),
                        Columns.instant(rs, "test_reported_at"));
    }

    private record ListedJob(
            String jobId,
            String scope,
            String name,
            String notes,
            List<String> variants,
            boolean retired,
            boolean registered) {}

    private record Entry(String jobId, String variant, SignedOff person) {}
}
