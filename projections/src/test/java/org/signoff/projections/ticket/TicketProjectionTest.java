package org.signoff.projections.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRequiredClassesSet;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.projections.ReadModelDatabase;
import org.signoff.projections.ticket.api.ClassToAttend;
import org.signoff.projections.ticket.api.FindTicketQuery;
import org.signoff.projections.ticket.api.ListTicketsQuery;
import org.signoff.projections.ticket.api.OpenWaitView;
import org.signoff.projections.ticket.api.OpenWaitsQuery;
import org.signoff.projections.ticket.api.TicketSummaryView;
import org.signoff.projections.ticket.api.TicketView;
import org.signoff.projections.ticket.api.WaitingOnQuery;
import org.signoff.projections.ticket.api.WaitingView;
import org.signoff.staff.api.ClassAttended;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.DeadlinesScheduled;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.NextActor;
import org.signoff.ticket.api.ReadingConfirmed;
import org.signoff.ticket.api.RequestWithdrawn;
import org.signoff.ticket.api.SandboxAccessGranted;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.TestEvidence;
import org.signoff.ticket.api.TestOutcome;
import org.signoff.ticket.api.TicketEvent;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/** Tickets and their history, fed events by hand, over a real database. */
class TicketProjectionTest {

    private static final org.signoff.common.InstitutionScope DEFAULT_INSTITUTION =
            new org.signoff.common.InstitutionScope(org.signoff.common.InstitutionCode.of("DEFAULT"), true);

    private static final TicketId TICKET = TicketId.of("t-1");
    private static final StaffId AMY = StaffId.of("amy");
    private static final StaffId LIB = StaffId.of("lib");
    private static final TrainingClassId INTRODUCTION = TrainingClassId.of("introduction-to-alma");
    private static final TrainingClassId HOLDINGS = TrainingClassId.of("holdings-and-items");
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    private TicketProjection tickets;

    @BeforeEach
    void setUp() {
        tickets = new TicketProjection(ReadModelDatabase.create(), new ObjectMapper());
    }

    @Test
    void theHistoryRecordsWhoDidWhatWhenAndWithWhatData() {
        tickets.on(new SignOffStarted(TICKET, AMY, JobId.of("change-physical-items"), null), 0, T0, null);
        tickets.on(new ReadingConfirmed(TICKET, "jobs-overview", "1", AMY), 1, T0.plusSeconds(60), null);
        tickets.on(new JobAccessRequested(TICKET, "LTS-1234", "clean-up", AMY), 2, T0.plusSeconds(120), null);
        tickets.on(new SandboxAccessGranted(TICKET, List.of("training.pdf"), LIB), 3, T0.plusSeconds(180), "lts-jira");
        tickets.on(
                new SandboxTestReported(
                        TICKET, new TestEvidence("job-9", 40, TestOutcome.SUCCEEDED, List.of()), null, AMY),
                4,
                T0.plusSeconds(240),
                null);

        TicketView view = tickets.handle(new FindTicketQuery("t-1")).orElseThrow();
        assertThat(view.ticket().status()).isEqualTo(TicketStatus.AWAITING_REVIEW);
        assertThat(view.ticket().step()).isEqualTo(5);
        assertThat(view.ticket().supportTicketRef()).isEqualTo("LTS-1234");
        assertThat(view.ticket().openedAt()).isEqualTo(T0);
        assertThat(view.ticket().updatedAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(view.history())
                .extracting(h -> h.event() + " by " + h.performedBy() + " -> " + h.statusAfter())
                .containsExactly(
                        "SignOffStarted by amy -> READING",
                        "ReadingConfirmed by amy -> READING",
                        "JobAccessRequested by amy -> AWAITING_SANDBOX_GRANT",
                        "SandboxAccessGranted by lib -> AWAITING_TEST",
                        "SandboxTestReported by amy -> AWAITING_REVIEW");
        assertThat(view.history().get(3).client())
                .as("the integration that sent it")
                .isEqualTo("lts-jira");
        assertThat(view.history().get(2).client()).isNull();
        assertThat(view.history().get(3).details())
                .containsEntry("trainingMaterials", List.of("training.pdf"))
                .containsEntry("appliedInAlma", false)
                .doesNotContainKeys("ticketId", "performedBy");
        assertThat(view.history().get(4).details())
                .containsEntry(
                        "evidence",
                        Map.of(
                                "jobInstanceRef",
                                "job-9",
                                "recordsProcessed",
                                40,
                                "outcome",
                                "SUCCEEDED",
                                "attachments",
                                List.of()));
        assertThat(view.history().get(4).at()).isEqualTo(T0.plusSeconds(240));
    }

    @Test
    void aProcessorsBatchWritesEachTicketOnceAndLeavesWhatEventByEventWouldHave() {
        JdbcClient batchedTables = ReadModelDatabase.create();
        TicketProjection batched = new TicketProjection(batchedTables, new ObjectMapper());
        JdbcClient oneByOneTables = ReadModelDatabase.create();
        TicketProjection oneByOne = new TicketProjection(oneByOneTables, new ObjectMapper());
        TicketId other = TicketId.of("t-2");
        List<List<Step>> batches = List.of(
                List.of(
                        new Step(new SignOffStarted(TICKET, AMY, JobId.of("change-physical-items"), null), 0, 0),
                        new Step(new ReadingConfirmed(TICKET, "jobs-overview", "1", AMY), 1, 60),
                        new Step(new SignOffStarted(other, AMY, JobId.of("batch-item-withdrawals"), null), 0, 10)),
                // one that leaves the status before two that change it: its entry takes the row's status
                List.of(
                        new Step(new ReadingConfirmed(TICKET, "bib-guide", "2", AMY), 2, 90),
                        new Step(new JobAccessRequested(TICKET, "LTS-1234", null, AMY), 3, 120),
                        new Step(new SandboxAccessGranted(TICKET, List.of("training.pdf"), LIB), 4, 180)),
                List.of(
                        new Step(new JobAccessRequested(other, "LTS-2", null, AMY), 1, 200),
                        new Step(
                                new SandboxTestReported(
                                        TICKET,
                                        new TestEvidence("job-9", 40, TestOutcome.SUCCEEDED, List.of()),
                                        null,
                                        AMY),
                                5,
                                240)),
                List.of(new Step(new RequestWithdrawn(other, null, AMY), 2, 300)));

        String rows = "SELECT ticket_id, staff_id, job_id, status, opened_at, updated_at, status_since, "
                + "support_ticket_ref FROM projection_ticket ORDER BY ticket_id";
        String history = "SELECT ticket_id, seq, event_type, performed_by, occurred_at, status_after, details "
                + "FROM projection_ticket_history ORDER BY ticket_id, seq";
        long entries = 0;
        for (List<Step> batch : batches) {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            batch.forEach(step -> batched.on(step.event(), step.sequence(), T0.plusSeconds(step.second()), null));
            assertThat(batchedTables
                            .sql("SELECT COUNT(*) FROM projection_ticket_history")
                            .query(Long.class)
                            .single())
                    .as("nothing is written before the batch commits")
                    .isEqualTo(entries);
            unitOfWork.commit();
            entries += batch.size();
            batch.forEach(step -> oneByOne.on(step.event(), step.sequence(), T0.plusSeconds(step.second()), null));

            assertThat(batchedTables.sql(rows).query().listOfRows())
                    .as("the tickets after batch %d", batches.indexOf(batch))
                    .isEqualTo(oneByOneTables.sql(rows).query().listOfRows());
            assertThat(batchedTables.sql(history).query().listOfRows())
                    .hasSize((int) entries)
                    .isEqualTo(oneByOneTables.sql(history).query().listOfRows());
        }
        assertThat(batched.handle(new FindTicketQuery("t-1")).orElseThrow().history())
                .extracting(h -> h.event() + " -> " + h.statusAfter())
                .containsExactly(
                        "SignOffStarted -> READING",
                        "ReadingConfirmed -> READING",
                        "ReadingConfirmed -> READING",
                        "JobAccessRequested -> AWAITING_SANDBOX_GRANT",
                        "SandboxAccessGranted -> AWAITING_TEST",
                        "SandboxTestReported -> AWAITING_REVIEW");
    }

    /** An event as a processor hands it over: its sequence in its ticket, and when (seconds after T0). */
    private record Step(TicketEvent event, long sequence, long second) {}

    @Test
    void workQueuesFilterByStatus() {
        tickets.on(new SignOffStarted(TICKET, AMY, JobId.of("change-physical-items"), null), 0, T0, null);
        tickets.on(new SignOffStarted(TicketId.of("t-2"), AMY, JobId.of("batch-item-withdrawals"), null), 0, T0, null);
        tickets.on(new JobAccessRequested(TicketId.of("t-2"), "LTS-2", null, AMY), 1, T0, null);

        assertThat(tickets.handle(new ListTicketsQuery(DEFAULT_INSTITUTION, TicketStatus.AWAITING_SANDBOX_GRANT, null)))
                .extracting(TicketSummaryView::ticketId)
                .containsExactly("t-2");
        assertThat(tickets.handle(ListTicketsQuery.all(DEFAULT_INSTITUTION))).hasSize(2);
    }

    @Test
    void aReadingWaitsOnTheClassesItsJobRequiresNowThatTheRequesterHasNotAttended() {
        JobId job = JobId.of("change-physical-items");
        tickets.on(new TrainingClassRegistered(INTRODUCTION, "Introduction to Alma", "Overviews", true, LIB));
        tickets.on(new TrainingClassRegistered(HOLDINGS, "Holdings & Items", "Cross-Functional", false, LIB));
        tickets.on(new SignOffStarted(TICKET, AMY, job, null), 0, T0, null);
        tickets.on(new ClassAttended(AMY, INTRODUCTION, LocalDate.of(2026, 3, 4), LIB), 1, T0, "portal");

        assertThat(waitingOnAmy().classesToAttend()).isEmpty();

        tickets.on(new JobRequiredClassesSet(job, List.of(HOLDINGS), LIB));

        assertThat(waitingOnAmy().classesToAttend())
                .as("a class required of the job later")
                .containsExactly(new ClassToAttend("holdings-and-items", "Holdings & Items"));
        tickets.on(new ClassAttended(AMY, HOLDINGS, LocalDate.of(2026, 4, 8), LIB), 2, T0, null);
        assertThat(waitingOnAmy().classesToAttend()).isEmpty();
    }

    private WaitingView waitingOnAmy() {
        return tickets.handle(new WaitingOnQuery("amy", Set.of(Role.STAFF), Set.of(), false, null, null, 10))
                .get(0);
    }

    @Test
    void workQueuesFilterByStepAndLeaveEndedTicketsOut() {
        tickets.on(new SignOffStarted(TICKET, AMY, JobId.of("change-physical-items"), null), 0, T0, null);
        tickets.on(new SignOffStarted(TicketId.of("t-2"), AMY, JobId.of("batch-item-withdrawals"), null), 0, T0, null);
        tickets.on(
                new SignOffStarted(TicketId.of("t-3"), AMY, JobId.of("batch-create-work-orders"), null), 0, T0, null);
        tickets.on(new RequestWithdrawn(TicketId.of("t-3"), null, AMY), 1, T0, null);

        assertThat(tickets.handle(new ListTicketsQuery(DEFAULT_INSTITUTION, null, 1)))
                .extracting(TicketSummaryView::ticketId)
                .containsExactlyInAnyOrder("t-1", "t-2");
        assertThat(tickets.handle(new ListTicketsQuery(DEFAULT_INSTITUTION, null, 3)))
                .isEmpty();
    }

    @Test
    void pagesFollowEachOtherWithoutLosingOrRepeatingATicketOpenedWhilePaging() {
        for (int i = 1; i <= 5; i++) {
            tickets.on(
                    new SignOffStarted(TicketId.of("p-" + i), AMY, JobId.of("job-" + i), null),
                    0,
                    T0.plusSeconds(i),
                    null);
        }
        List<String> seen = new java.util.ArrayList<>();
        List<TicketSummaryView> page =
                tickets.handle(new ListTicketsQuery(DEFAULT_INSTITUTION, null, null, null, null, null, 2));
        seen.addAll(page.stream().map(TicketSummaryView::ticketId).toList());
        tickets.on(new SignOffStarted(TicketId.of("p-6"), AMY, JobId.of("job-6"), null), 0, T0.plusSeconds(6), null);
        while (!page.isEmpty()) {
            TicketSummaryView last = page.get(page.size() - 1);
            page = tickets.handle(
                    new ListTicketsQuery(DEFAULT_INSTITUTION, null, null, null, last.updatedAt(), last.ticketId(), 2));
            seen.addAll(page.stream().map(TicketSummaryView::ticketId).toList());
        }
        assertThat(seen).containsExactly("p-1", "p-2", "p-3", "p-4", "p-5", "p-6");
    }

    @Test
    void theTeamSeesEveryOpenWaitWithTheDeadlinesOfTheStepItWaitsOnNow() {
        // the application's mapper writes instants as ISO text, as the history's details keep them
        TicketProjection tickets = new TicketProjection(
                ReadModelDatabase.create(),
                new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
        TicketId reading = TicketId.of("t-reading");
        TicketId moved = TicketId.of("t-moved");
        TicketId withdrawn = TicketId.of("t-withdrawn");
        Instant remind = T0.plus(Duration.ofDays(14));
        Instant limit = T0.plus(Duration.ofDays(30));
        tickets.on(new SignOffStarted(reading, AMY, JobId.of("change-physical-items"), null), 0, T0, null);
        tickets.on(new DeadlinesScheduled(reading, TicketStatus.READING, 1, T0, remind, limit, "r-1"), 1, T0, null);
        tickets.on(new SignOffStarted(moved, AMY, JobId.of("batch-item-withdrawals"), null), 0, T0, null);
        tickets.on(new DeadlinesScheduled(moved, TicketStatus.READING, 1, T0, remind, limit, "r-2"), 1, T0, null);
        tickets.on(new JobAccessRequested(moved, "LTS-9", null, AMY), 2, T0.plusSeconds(60), null);
        tickets.on(new SignOffStarted(withdrawn, AMY, JobId.of("batch-create-work-orders"), null), 0, T0, null);
        tickets.on(new RequestWithdrawn(withdrawn, null, AMY), 1, T0, null);

        assertThat(tickets.handle(new OpenWaitsQuery(DEFAULT_INSTITUTION, 100)))
                .extracting(
                        open -> open.ticket().ticketId(),
                        open -> open.ticket().waitingOn(),
                        OpenWaitView::remindAt,
                        OpenWaitView::limitAt)
                .containsExactly(
                        tuple("t-reading", NextActor.REQUESTER, remind, limit),
                        // the deadlines noted are the reading's: the grant's are not set yet
                        tuple("t-moved", NextActor.SYSTEMS_LIBRARIAN, null, null));
    }

    @Test
    void anUnknownTicketIsAbsent() {
        assertThat(tickets.handle(new FindTicketQuery("nope"))).isEmpty();
    }
}
