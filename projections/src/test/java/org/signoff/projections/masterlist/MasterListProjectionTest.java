package org.signoff.projections.masterlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRetired;
import org.signoff.projections.ReadModelDatabase;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.FetchPermissionsQuery;
import org.signoff.projections.masterlist.api.FetchSuspendedSignOffsQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.projections.masterlist.api.PendingRecertificationView;
import org.signoff.projections.masterlist.api.PendingRecertificationsQuery;
import org.signoff.projections.masterlist.api.PermissionView;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberRegistered;
import org.signoff.ticket.api.ProductionRoleUpdated;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseLapsed;
import org.signoff.ticket.api.ProductionUseReinstated;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.ProductionUseSuspended;
import org.signoff.ticket.api.RecertificationRequested;
import org.signoff.ticket.api.RequestWithdrawn;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.SignOffValidUntil;
import org.signoff.ticket.api.TestOutcome;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/** The master list, fed events by hand, over a real database. */
class MasterListProjectionTest {

    private static final org.signoff.common.InstitutionScope DEFAULT_INSTITUTION =
            new org.signoff.common.InstitutionScope(org.signoff.common.InstitutionCode.of("DEFAULT"), true);

    private static final Instant MORNING = Instant.parse("2026-11-22T08:00:00Z");
    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-11-22T18:00:00Z");
    private static final StaffId JULIE = StaffId.of("jpetzold");
    private static final StaffId LAURA = StaffId.of("lsherriff");
    private static final StaffId LIB = StaffId.of("lib");
    private static final JobId ITEMS = JobId.of("change-physical-items");
    private static final JobId WORK_ORDERS = JobId.of("batch-create-work-orders");
    private static final JobId NORMALIZATION = JobId.of("bib-normalization");

    private JdbcClient jdbc;
    private MasterListProjection masterList;

    @BeforeEach
    void setUp() {
        jdbc = ReadModelDatabase.create();
        masterList = new MasterListProjection(jdbc);
        masterList.on(new JobRegistered(ITEMS, job("Items", "Change physical items", List.of()), LIB), MORNING);
        masterList.on(
                new JobRegistered(WORK_ORDERS, job("Work orders", "Batch create work orders", List.of()), LIB),
                MORNING);
        masterList.on(
                new JobRegistered(
                        NORMALIZATION, job("Bib changes", "Bib normalization", List.of("rule-a", "rule-b")), LIB),
                MORNING);
        masterList.on(new StaffMemberRegistered(JULIE, "HKS/GUT", Set.of(Role.STAFF), Set.of(), LIB));
        masterList.on(new StaffMemberRegistered(LAURA, "LAM/CAB", Set.of(Role.STAFF), Set.of(), LIB));
        jdbc.sql(
                        "INSERT INTO personal_data (staff_id, display_name) VALUES ('jpetzold', 'Julie Petzold'), ('lsherriff', 'Laura Sherriff')")
                .update();
    }

    @Test
    void anApprovedPersonIsListedUnderTheJobsScopeWithTheRoleStillPending() {
        masterList.on(approved("t1", JULIE, ITEMS, null, true), NOON);

        MasterListView.Job items = job(list(), "Items", ITEMS);
        assertThat(items.staff()).singleElement().satisfies(person -> {
            assertThat(person.displayName()).isEqualTo("Julie Petzold");
            assertThat(person.unit()).isEqualTo("HKS/GUT");
            assertThat(person.rolePending()).isTrue();
            assertThat(person.approvedAt()).isEqualTo(NOON);
            assertThat(person.approvedBy()).isEqualTo("lib");
        });
    }

    @Test
    void theRoleUpdateClearsThePendingFlag() {
        masterList.on(approved("t1", JULIE, ITEMS, null, true), NOON);
        masterList.on(new ProductionRoleUpdated(TicketId.of("t1"), null, StaffId.of("support")), EVENING);

        assertThat(job(list(), "Items", ITEMS).staff().get(0).rolePending()).isFalse();
    }

    @Test
    void revocationAndWithdrawalTakePeopleOff() {
        masterList.on(approved("t1", JULIE, ITEMS, null, false), NOON);
        masterList.on(approved("t2", LAURA, ITEMS, null, true), NOON);
        masterList.on(new ProductionUseRevoked(TicketId.of("t1"), JULIE, ITEMS, null, "left", LIB), EVENING);
        masterList.on(new RequestWithdrawn(TicketId.of("t2"), null, LAURA), EVENING);

        assertThat(job(list(), "Items", ITEMS).staff()).isEmpty();
    }

    @Test
    void scopesAndJobsKeepTheCatalogsOrderAndPeopleAreSortedByName() {
        masterList.on(approved("t1", LAURA, ITEMS, null, false), NOON);
        masterList.on(approved("t2", JULIE, ITEMS, null, false), NOON);

        MasterListView view = list();
        assertThat(view.scopes())
                .extracting(MasterListView.Scope::scope)
                .containsExactly("Items", "Work orders", "Bib changes");
        assertThat(job(view, "Items", ITEMS).staff())
                .extracting(MasterListView.SignedOff::displayName)
                .containsExactly("Julie Petzold", "Laura Sherriff");
    }

    @Test
    void peopleSignedOffPerVariantAreListedUnderTheirVariant() {
        masterList.on(approved("t1", JULIE, NORMALIZATION, "rule-b", false), NOON);

        MasterListView.Job job = job(list(), "Bib changes", NORMALIZATION);
        assertThat(job.staff()).isEmpty();
        assertThat(job.variants()).extracting(MasterListView.Variant::variant).containsExactly("rule-a", "rule-b");
        assertThat(job.variants().get(0).staff()).isEmpty();
        assertThat(job.variants().get(1).staff())
                .extracting(MasterListView.SignedOff::staffId)
                .containsExactly("jpetzold");
    }

    @Test
    void aRetiredJobStaysListedWhilePeopleAreSignedOffOnIt() {
        masterList.on(approved("t1", JULIE, ITEMS, null, false), NOON);
        masterList.on(new JobRetired(ITEMS, "replaced", LIB), EVENING);
        masterList.on(new JobRetired(WORK_ORDERS, "replaced", LIB), EVENING);

        MasterListView view = list();
        assertThat(job(view, "Items", ITEMS).retired()).isTrue();
        assertThat(view.scopes()).extracting(MasterListView.Scope::scope).doesNotContain("Work orders");
    }

    @Test
    void aRenamedJobAndAPersonsNewUnitShowOnTheList() {
        masterList.on(approved("t1", JULIE, ITEMS, null, false), NOON);
        masterList.on(new JobChanged(ITEMS, job("Items", "Change physical items (v2)", List.of()), LIB));
        masterList.on(new StaffMemberChanged(JULIE, "ITS", Set.of(Role.STAFF), Set.of(), LIB));

        MasterListView.Job items = job(list(), "Items", ITEMS);
        assertThat(items.name()).isEqualTo("Change physical items (v2)");
        assertThat(items.staff().get(0).unit()).isEqualTo("ITS");
    }

    @Test
    void anErasedNameLeavesTheEntryWithoutAName() {
        masterList.on(approved("t1", JULIE, ITEMS, null, false), NOON);
        jdbc.sql("DELETE FROM personal_data WHERE staff_id = 'jpetzold'").update();

        MasterListView.SignedOff entry = job(list(), "Items", ITEMS).staff().get(0);
        assertThat(entry.displayName()).isNull();
        assertThat(entry.staffId()).isEqualTo("jpetzold");
    }

    @Test
    void aResetEmptiesTheListForAReplay() {
        masterList.on(approved("t1", JULIE, ITEMS, null, false), NOON);
        masterList.reset();

        assertThat(list().scopes())
                .as("people, jobs and units all come back with the replay")
                .isEmpty();
    }

    @Test
    void asOfAnInstantTheListShowsWhoWasSignedOffThenWithTheirRoleUpdateAsItWasThen() {
        masterList.on(approved("t1", JULIE, ITEMS, null, true), NOON);
        masterList.on(new ProductionRoleUpdated(TicketId.of("t1"), null, StaffId.of("support")), NOON.plusSeconds(60));
        masterList.on(approved("t2", LAURA, ITEMS, null, false), NOON);
        masterList.on(new ProductionUseRevoked(TicketId.of("t2"), LAURA, ITEMS, null, "left the unit", LIB), EVENING);

        assertThat(job(list(NOON.minusNanos(1000)), "Items", ITEMS).staff()).isEmpty();
        assertThat(job(list(NOON), "Items", ITEMS).staff())
                .extracting(MasterListView.SignedOff::staffId, MasterListView.SignedOff::rolePending)
                .containsExactly(tuple("jpetzold", true), tuple("lsherriff", false));
        assertThat(job(list(EVENING.minusNanos(1000)), "Items", ITEMS).staff())
                .extracting(MasterListView.SignedOff::staffId, MasterListView.SignedOff::rolePending)
                .containsExactly(tuple("jpetzold", false), tuple("lsherriff", false));
        assertThat(job(list(EVENING), "Items", ITEMS).staff())
                .extracting(MasterListView.SignedOff::staffId)
                .containsExactly("jpetzold");
        assertThat(list(MORNING.minusSeconds(1)).scopes())
                .as("no job was registered yet")
                .isEmpty();
    }

    @Test
    void eachEntryCarriesTheTestReportItsApprovalRestsOnTheLastOneBeforeIt() {
        masterList.on(tested("t1", "job-1", TestOutcome.COMPLETED_WITH_ERRORS), MORNING);
        masterList.on(tested("t1", "job-2", TestOutcome.SUCCEEDED), NOON.minusSeconds(600));
        masterList.on(approved("t1", JULIE, ITEMS, null, false), NOON);

        MasterListView.TestEvidence evidence =
                job(list(), "Items", ITEMS).staff().get(0).evidence();
        assertThat(evidence)
                .isEqualTo(new MasterListView.TestEvidence(
                        "job-2",
                        120,
                        "SUCCEEDED",
                        List.of("https://alma.example/jobs/job-2"),
                        "looked fine",
                        "jpetzold",
                        NOON.minusSeconds(600)));
    }

    @Test
    void aPersonsIntervalsOfPermissionRunFromApprovalToTheirEnd() {
        masterList.on(approved("t1", JULIE, ITEMS, null, false), MORNING);
        masterList.on(new ProductionUseRevoked(TicketId.of("t1"), JULIE, ITEMS, null, "audit finding", LIB), NOON);
        masterList.on(approved("t2", JULIE, ITEMS, null, false), EVENING);
        masterList.on(approved("t3", JULIE, WORK_ORDERS, null, false), EVENING);

        assertThat(masterList.handle(new FetchPermissionsQuery("jpetzold", ITEMS.value())))
                .extracting(
                        PermissionView::ticketId,
                        PermissionView::from,
                        PermissionView::until,
                        PermissionView::endedHow,
                        PermissionView::endReason)
                .containsExactly(
                        tuple("t1", MORNING, NOON, "REVOKED", "audit finding"), tuple("t2", EVENING, null, null, null));
        assertThat(masterList.handle(new FetchPermissionsQuery("jpetzold", null)))
                .hasSize(3);
    }

    @Test
    void aSignOffThatExpiresShowsUntilWhenWaitsInTheRecertificationQueueAndLeavesTheListWhenItLapses() {
        Instant until = NOON.plus(java.time.Duration.ofDays(365));
        masterList.on(approved("t1", JULIE, ITEMS, null, false), NOON);
        masterList.on(new SignOffValidUntil(TicketId.of("t1"), until, until.minusSeconds(30 * 86400)));
        assertThat(job(list(), "Items", ITEMS).staff().get(0).validUntil()).isEqualTo(until);
        assertThat(masterList.handle(new PendingRecertificationsQuery(DEFAULT_INSTITUTION, null)))
                .isEmpty();

        masterList.on(RecertificationRequested.beforeLapse(TicketId.of("t1"), JULIE, ITEMS, until), EVENING);
        assertThat(masterList.handle(new PendingRecertificationsQuery(DEFAULT_INSTITUTION, ITEMS.value())))
                .extracting(PendingRecertificationView::ticketId, PendingRecertificationView::validUntil)
                .containsExactly(tuple("t1", until));

        masterList.on(new ProductionUseLapsed(TicketId.of("t1"), JULIE, ITEMS, null, until), until);
        assertThat(job(list(), "Items", ITEMS).staff()).isEmpty();
        assertThat(masterList.handle(new PendingRecertificationsQuery(DEFAULT_INSTITUTION, null)))
                .isEmpty();
        assertThat(masterList.handle(new FetchPermissionsQuery("jpetzold", null)))
                .extracting(PermissionView::until, PermissionView::endedHow, PermissionView::endedBy)
                .containsExactly(tuple(until, "LAPSED", null));
        assertThat(job(list(until.minusSeconds(1)), "Items", ITEMS).staff()).hasSize(1);
    }

    @Test
    void recertifiedTheSignOffLeavesTheQueueWithItsNewEnd() {
        Instant until = NOON.plus(java.time.Duration.ofDays(365));
        masterList.on(approved("t1", JULIE, ITEMS, null, false), NOON);
        masterList.on(new SignOffValidUntil(TicketId.of("t1"), until, until.minusSeconds(30 * 86400)));
        masterList.on(RecertificationRequested.beforeLapse(TicketId.of("t1"), JULIE, ITEMS, until), EVENING);
        masterList.on(new SignOffValidUntil(TicketId.of("t1"), until.plusSeconds(86400), until));

        assertThat(masterList.handle(new PendingRecertificationsQuery(DEFAULT_INSTITUTION, null)))
                .isEmpty();
        assertThat(job(list(), "Items", ITEMS).staff().get(0).validUntil()).isEqualTo(until.plusSeconds(86400));
    }

    @Test
    void aSuspendedSignOffLeavesTheListForTheSuspendedOnesUntilItIsReinstated() {
        masterList.on(approved("t1", JULIE, ITEMS, null, false), MORNING);
        masterList.on(approved("t2", LAURA, ITEMS, null, false), MORNING);
        masterList.on(new ProductionUseSuspended(TicketId.of("t1"), JULIE, ITEMS, null, List.of()), NOON);

        assertThat(job(list(), "Items", ITEMS).staff())
                .extracting(MasterListView.SignedOff::staffId)
                .containsExactly("lsherriff");
        MasterListView suspended = masterList.handle(new FetchSuspendedSignOffsQuery(DEFAULT_INSTITUTION));
        assertThat(suspended.scopes())
                .as("only the jobs where someone is suspended")
                .extracting(MasterListView.Scope::scope)
                .containsExactly("Items");
        assertThat(job(suspended, "Items", ITEMS).staff())
                .extracting(MasterListView.SignedOff::staffId, MasterListView.SignedOff::displayName)
                .containsExactly(tuple("jpetzold", "Julie Petzold"));

        masterList.on(
                new ProductionUseReinstated(TicketId.of("t1"), JULIE, ITEMS, null, TicketStatus.COMPLETED, JULIE),
                EVENING);
        assertThat(masterList
                        .handle(new FetchSuspendedSignOffsQuery(DEFAULT_INSTITUTION))
                        .scopes())
                .isEmpty();
        assertThat(job(list(), "Items", ITEMS).staff()).hasSize(2);
    }

    private MasterListView list(Instant at) {
        return masterList.handle(new FetchMasterListQuery(DEFAULT_INSTITUTION, at));
    }

    private static SandboxTestReported tested(String ticket, String jobInstance, TestOutcome outcome) {
        return new SandboxTestReported(
                TicketId.of(ticket),
                new org.signoff.ticket.api.TestEvidence(
                        jobInstance, 120, outcome, List.of(URI.create("https://alma.example/jobs/" + jobInstance))),
                "looked fine",
                JULIE);
    }

    private MasterListView list() {
        return masterList.handle(FetchMasterListQuery.now(DEFAULT_INSTITUTION));
    }

    private static MasterListView.Job job(MasterListView view, String scope, JobId jobId) {
        return view.scopes().stream().filter(s -> s.scope().equals(scope)).findFirst().orElseThrow().jobs().stream()
                .filter(j -> j.jobId().equals(jobId.value()))
                .findFirst()
                .orElseThrow();
    }

    private static JobDefinition job(String scope, String name, List<String> variants) {
        return new JobDefinition(scope, name, null, List.of(), variants, !variants.isEmpty(), false);
    }

    private static ProductionUseApproved approved(
            String ticket, StaffId staff, JobId job, String variant, boolean roleUpdateNeeded) {
        return new ProductionUseApproved(TicketId.of(ticket), staff, job, variant, roleUpdateNeeded, null, LIB);
    }
}
