package org.signoff.ticket;

import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.RejectedAs.rejectedAs;
import static org.signoff.ticket.TicketHistories.EVIDENCE;
import static org.signoff.ticket.TicketHistories.TICKET;
import static org.signoff.ticket.TicketHistories.granted;
import static org.signoff.ticket.TicketHistories.requested;
import static org.signoff.ticket.TicketHistories.then;
import static org.signoff.ticket.TicketHistories.ticketFixture;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.catalog.api.AlmaSide;
import org.signoff.common.Rejection;
import org.signoff.ticket.api.AlmaCheck;
import org.signoff.ticket.api.NoteSandboxRun;
import org.signoff.ticket.api.ReportSandboxTest;
import org.signoff.ticket.api.SandboxRun;
import org.signoff.ticket.api.SandboxRunSeen;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.TicketStatus;

/**
 * Step 4 with the run read from Alma's Sandbox: the ticket takes it as its test's evidence only if it is a run of the
 * ticket's job, submitted by the requester's Alma user, begun after the Sandbox grant, and ended; each other case is
 * refused saying which. A test typed by hand says why it was not read from Alma.
 */
class SandboxRunEvidenceTest {

    private static final Instant GRANTED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final String AMYS_LOGIN = "adittman";

    private FixtureConfiguration<SignOffTicket> fixture;

    @BeforeEach
    void setUp() {
        Lookups lookups =
                new Lookups().almaSide(CHANGE_ITEMS, new AlmaSide(List.of("S5531"), List.of(), List.of(), List.of()));
        lookups.almaPrimaryIds.put(AMY, AMYS_LOGIN);
        fixture = ticketFixture(lookups);
    }

    @Test
    void aRunOfTheJobByTheRequesterAfterTheGrantIsTheTestsEvidence() {
        SandboxRun run = run("S5531", GRANTED_AT.plus(Duration.ofHours(2)), "COMPLETED_SUCCESS", true);
        whenGranted()
                .when(report(AlmaCheck.verified(run, "ADittman")))
                .expectEvents(new SandboxTestReported(TICKET, EVIDENCE, null, AMY, run, null))
                .expectResultMessagePayload(TicketStatus.AWAITING_REVIEW);
    }

    @Test
    void aRunOfAnotherAlmaJobIsRefused() {
        refused(
                AlmaCheck.verified(run("M28", GRANTED_AT.plusSeconds(60), "COMPLETED_SUCCESS", true), AMYS_LOGIN),
                Rejection.ALMA_RUN_OF_ANOTHER_JOB);
    }

    @Test
    void aRunSubmittedBySomeoneElseIsRefused() {
        refused(
                AlmaCheck.verified(run("S5531", GRANTED_AT.plusSeconds(60), "COMPLETED_SUCCESS", true), "lsmith"),
                Rejection.ALMA_RUN_BY_ANOTHER_PERSON);
    }

    @Test
    void aRunThatHasNotEndedIsRefused() {
        refused(
                AlmaCheck.verified(run("S5531", GRANTED_AT.plusSeconds(60), "RUNNING", false), AMYS_LOGIN),
                Rejection.ALMA_RUN_NOT_FINISHED);
    }

    @Test
    void aRunBegunBeforeTheGrantIsRefused() {
        refused(
                AlmaCheck.verified(run("S5531", GRANTED_AT.minusSeconds(60), "COMPLETED_SUCCESS", true), AMYS_LOGIN),
                Rejection.ALMA_RUN_BEFORE_GRANT);
    }

    @Test
    void aRequesterWithoutAnAlmaLoginCannotHaveARunCheckedAsTheirs() {
        Lookups lookups =
                new Lookups().almaSide(CHANGE_ITEMS, new AlmaSide(List.of("S5531"), List.of(), List.of(), List.of()));
        ticketFixture(lookups)
                .givenCurrentTime(GRANTED_AT)
                .andGiven(granted())
                .when(report(AlmaCheck.verified(
                        run("S5531", GRANTED_AT.plusSeconds(60), "COMPLETED_SUCCESS", true), AMYS_LOGIN)))
                .expectException(rejectedAs(Rejection.ALMA_RUN_BY_ANOTHER_PERSON))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("an administrator sets it"));
    }

    @Test
    void aTestTypedByHandSaysWhyItWasNotReadFromAlma() {
        whenGranted()
                .when(report(AlmaCheck.notVerified("Alma did not answer")))
                .expectEvents(new SandboxTestReported(TICKET, EVIDENCE, null, AMY, null, "Alma did not answer"));
    }

    @Test
    void aRunAlmaSaysEndedIsNotedOnceWhileTheTicketWaitsOnItsTest() {
        SandboxRun run = run("S5531", GRANTED_AT.plusSeconds(60), "COMPLETED_SUCCESS", true);
        whenGranted()
                .when(new NoteSandboxRun(TICKET, AlmaCheck.verified(run, AMYS_LOGIN)))
                .expectEvents(new SandboxRunSeen(TICKET, run));
        fixture.givenCurrentTime(GRANTED_AT)
                .andGiven(then(granted(), new SandboxRunSeen(TICKET, run)))
                .when(new NoteSandboxRun(TICKET, AlmaCheck.verified(run, AMYS_LOGIN)))
                .expectNoEvents();
    }

    @Test
    void aRunThatIsNotTheTestsIsLeftAloneWithoutARefusal() {
        whenGranted()
                .when(new NoteSandboxRun(
                        TICKET,
                        AlmaCheck.verified(
                                run("S5531", GRANTED_AT.plusSeconds(60), "COMPLETED_SUCCESS", true), "lsmith")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.givenCurrentTime(GRANTED_AT)
                .andGiven(TicketHistories.tested())
                .when(new NoteSandboxRun(
                        TICKET,
                        AlmaCheck.verified(
                                run("S5531", GRANTED_AT.plusSeconds(60), "COMPLETED_SUCCESS", true), AMYS_LOGIN)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private org.axonframework.test.aggregate.TestExecutor<SignOffTicket> whenGranted() {
        return fixture.givenCurrentTime(Instant.parse("2026-11-30T09:00:00Z"))
                .andGiven(requested())
                .andGivenCurrentTime(GRANTED_AT)
                .andGiven(List.of(TicketHistories.sandboxGranted()))
                .andGivenCurrentTime(GRANTED_AT.plus(Duration.ofDays(1)));
    }

    private void refused(AlmaCheck check, Rejection why) {
        whenGranted().when(report(check)).expectNoEvents().expectException(rejectedAs(why));
    }

    private static ReportSandboxTest report(AlmaCheck check) {
        return new ReportSandboxTest(TICKET, EVIDENCE, null, AMY, null, check);
    }

    private static SandboxRun run(String almaJob, Instant startedAt, String status, boolean ended) {
        return new SandboxRun(
                almaJob,
                "7001234560004146",
                status,
                startedAt,
                ended ? startedAt.plus(Duration.ofMinutes(3)) : null,
                List.of(new SandboxRun.Counter("c.jobs.processed", "Records processed", 40)));
    }
}
