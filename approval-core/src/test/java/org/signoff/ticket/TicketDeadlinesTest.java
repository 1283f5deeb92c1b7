package org.signoff.ticket;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.RejectedAs.rejectedAs;
import static org.signoff.ticket.TicketHistories.TICKET;
import static org.signoff.ticket.TicketHistories.grantSandbox;
import static org.signoff.ticket.TicketHistories.granted;
import static org.signoff.ticket.TicketHistories.reportTest;
import static org.signoff.ticket.TicketHistories.requested;
import static org.signoff.ticket.TicketHistories.sandboxGranted;
import static org.signoff.ticket.TicketHistories.testReported;
import static org.signoff.ticket.TicketHistories.then;
import static org.signoff.ticket.TicketHistories.ticketFixture;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.common.Rejection;
import org.signoff.lookup.WaitLimits;
import org.signoff.ticket.api.ApproveProductionUse;
import org.signoff.ticket.api.DeadlinesScheduled;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ReminderIssued;
import org.signoff.ticket.api.RequestRetest;
import org.signoff.ticket.api.RetestRequested;
import org.signoff.ticket.api.SandboxAccessExpired;
import org.signoff.ticket.api.SandboxTestReported;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.StartSignOff;
import org.signoff.ticket.api.TicketEscalated;
import org.signoff.ticket.api.TicketStatus;
import org.signoff.ticket.api.WithdrawRequest;

/** Every wait on a step has a reminder and a limit; time passes in the fixture, not on the clock. */
class TicketDeadlinesTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration TWO_WEEKS = Duration.ofDays(14);
    private static final Duration A_MONTH = Duration.ofDays(30);
    private static final Duration THREE_DAYS = Duration.ofDays(3);
    private static final Duration A_WEEK = Duration.ofDays(7);

    private FixtureConfiguration<SignOffTicket> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups()
                .deadlines(TicketStatus.AWAITING_TEST, new WaitLimits(TWO_WEEKS, A_MONTH))
                .deadlines(TicketStatus.AWAITING_REVIEW, new WaitLimits(THREE_DAYS, A_WEEK))
                .deadlines(TicketStatus.AWAITING_SANDBOX_GRANT, new WaitLimits(THREE_DAYS, A_WEEK));
        fixture = ticketFixture(lookups);
    }

    @Test
    void grantingSandboxAccessSetsTheDeadlinesOfTheTest() {
        fixture.given(requested())
                .andGivenCurrentTime(MONDAY)
                .when(grantSandbox())
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(sandboxGranted()),
                        deadlines(TicketStatus.AWAITING_TEST, 1, MONDAY, TWO_WEEKS, A_MONTH),
                        andNoMore())))
                .expectScheduledDeadlineWithName(TWO_WEEKS, TicketDeadlines.REMINDER)
                .expectNoScheduledDeadlineWithName(A_MONTH, TicketDeadlines.LIMIT); // set when the reminder goes out
    }

    @Test
    void openingATicketStartsTheWaitOnTheReadingsWhenThatStepHasDeadlines() {
        lookups.deadlines(TicketStatus.READING, new WaitLimits(TWO_WEEKS, A_MONTH));
        fixture.givenCurrentTime(MONDAY)
                .when(new StartSignOff(TICKET, CHANGE_ITEMS, null, AMY))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        equalTo(new SignOffStarted(TICKET, AMY, CHANGE_ITEMS, null)),
                        deadlines(TicketStatus.READING, 1, MONDAY, TWO_WEEKS, A_MONTH),
                        andNoMore())))
                .expectScheduledDeadlineWithName(TWO_WEEKS, TicketDeadlines.REMINDER);
    }

    @Test
    void aStepWithoutConfiguredDeadlinesSetsNone() {
        fixture.given(then(granted(), testReported()))
                .when(new ApproveProductionUse(TICKET, true, null, LIBRARIAN))
                .expectEvents(new ProductionUseApproved(TICKET, AMY, CHANGE_ITEMS, null, true, null, LIBRARIAN))
                .expectNoScheduledDeadlines();
    }

    @Test
    void noTestReportedInTwoWeeksRemindsTheRequester() {
        fixture.given(requested())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(grantSandbox())
                .whenTimeElapses(TWO_WEEKS)
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(reminder(TicketStatus.AWAITING_TEST, MONDAY), andNoMore())))
                .expectTriggeredDeadlinesWithName(TicketDeadlines.REMINDER)
                .expectScheduledDeadlineWithName(A_MONTH.minus(TWO_WEEKS), TicketDeadlines.LIMIT);
    }

    @Test
    void noTestReportedWithinTheLimitExpiresTheGrantAndTheTicketWaitsForANewOne() {
        fixture.given(requested())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(grantSandbox())
                .whenTimeElapses(A_MONTH)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        reminder(TicketStatus.AWAITING_TEST, MONDAY),
                        equalTo(new SandboxAccessExpired(TICKET, MONDAY)),
                        deadlines(TicketStatus.AWAITING_SANDBOX_GRANT, 2, MONDAY.plus(A_MONTH), THREE_DAYS, A_WEEK),
                        andNoMore())));
    }

    @Test
    void afterTheGrantExpiredNoTestCanBeReportedUntilANewGrant() {
        fixture.given(then(granted(), new SandboxAccessExpired(TICKET, MONDAY)))
                .when(reportTest())
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void aReviewWaitingPastItsLimitIsEscalatedAndStillWaits() {
        fixture.given(granted())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(reportTest())
                .whenTimeElapses(A_WEEK)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        reminder(TicketStatus.AWAITING_REVIEW, MONDAY),
                        equalTo(new TicketEscalated(TICKET, TicketStatus.AWAITING_REVIEW, MONDAY)),
                        andNoMore())))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anEscalatedReviewCanStillBeApproved() {
        fixture.given(then(
                        granted(),
                        testReported(),
                        new DeadlinesScheduled(
                                TICKET,
                                TicketStatus.AWAITING_REVIEW,
                                1,
                                MONDAY,
                                MONDAY.plus(THREE_DAYS),
                                MONDAY.plus(A_WEEK),
                                "reminder-1"),
                        new ReminderIssued(TICKET, TicketStatus.AWAITING_REVIEW, MONDAY, "limit-1"),
                        new TicketEscalated(TICKET, TicketStatus.AWAITING_REVIEW, MONDAY)))
                .when(new ApproveProductionUse(TICKET, false, null, LIBRARIAN))
                .expectEvents(new ProductionUseApproved(TICKET, AMY, CHANGE_ITEMS, null, false, null, LIBRARIAN))
                .expectResultMessagePayload(TicketStatus.COMPLETED);
    }

    @Test
    void aTestReportedBeforeItsReminderPassesThatReminderOnToTheReview() {
        lookups.deadlines(TicketStatus.AWAITING_REVIEW, new WaitLimits(Duration.ofDays(100), Duration.ofDays(200)));
        fixture.given(requested())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(grantSandbox())
                .when(reportTest())
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(SandboxTestReported.class),
                        deadlines(TicketStatus.AWAITING_REVIEW, 2, MONDAY, Duration.ofDays(100), Duration.ofDays(200)),
                        andNoMore())))
                .expectScheduledDeadlineWithName(TWO_WEEKS, TicketDeadlines.REMINDER)
                .expectNoScheduledDeadlineWithName(Duration.ofDays(100), TicketDeadlines.REMINDER);
    }

    @Test
    void aReminderPassedOnRemindsTheReviewAtItsOwnTimeOnce() {
        testReportedOnMondayTheReviewDueIn100Days()
                .whenTimeElapses(Duration.ofDays(100))
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(reminder(TicketStatus.AWAITING_REVIEW, MONDAY), andNoMore())))
                .expectScheduledDeadlineWithName(Duration.ofDays(100), TicketDeadlines.LIMIT);
    }

    @Test
    void aReminderPassedOnDoesNothingBeforeTheReviewIsDue() {
        testReportedOnMondayTheReviewDueIn100Days()
                .whenTimeElapses(Duration.ofDays(99))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(Duration.ofDays(1), TicketDeadlines.REMINDER);
    }

    @Test
    void aReviewDueBeforeThePendingReminderGetsItsOwnAndTheOtherIsCancelled() {
        fixture.given(requested())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(grantSandbox())
                .when(reportTest())
                .expectScheduledDeadlineWithName(THREE_DAYS, TicketDeadlines.REMINDER)
                .expectNoScheduledDeadlineWithName(TWO_WEEKS, TicketDeadlines.REMINDER);
    }

    @Test
    void aReminderAboutToComeDueIsNotPassedOn() {
        lookups.deadlines(TicketStatus.AWAITING_REVIEW, new WaitLimits(TWO_WEEKS, A_MONTH));
        fixture.given(then(
                        granted(),
                        new DeadlinesScheduled(
                                TICKET,
                                TicketStatus.AWAITING_TEST,
                                1,
                                MONDAY.minus(TWO_WEEKS),
                                MONDAY.plus(Duration.ofMinutes(1)),
                                MONDAY.plus(A_MONTH),
                                "reminder-1")))
                .andGivenCurrentTime(MONDAY)
                .when(reportTest())
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(SandboxTestReported.class),
                        deadlines(TicketStatus.AWAITING_REVIEW, 2, MONDAY, TWO_WEEKS, A_MONTH),
                        andNoMore())))
                .expectScheduledDeadlineWithName(TWO_WEEKS, TicketDeadlines.REMINDER);
    }

    @Test
    void withdrawingCancelsEveryDeadline() {
        fixture.given(requested())
                .andGivenCommands(grantSandbox())
                .when(new WithdrawRequest(TICKET, "no longer needed", AMY))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRetestStartsANewWaitOnTheTest() {
        fixture.given(granted())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(reportTest())
                .when(new RequestRetest(TICKET, "try 10 records first", LIBRARIAN))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(RetestRequested.class),
                        deadlines(TicketStatus.AWAITING_TEST, 2, MONDAY, TWO_WEEKS, A_MONTH),
                        andNoMore())));
    }

    @Test
    void aRetestIsRemindedAtItsOwnTimeThoughTheReviewsReminderCameFirst() {
        fixture.given(granted())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(reportTest(), new RequestRetest(TICKET, "try 10 records first", LIBRARIAN))
                .whenTimeElapses(TWO_WEEKS)
                .expectEventsMatching(
                        payloadsMatching(exactSequenceOf(reminder(TicketStatus.AWAITING_TEST, MONDAY), andNoMore())));
    }

    // --- commands and histories

    /** The test's reminder (two weeks) is passed on to the review (100 days). */
    private TestExecutor<SignOffTicket> testReportedOnMondayTheReviewDueIn100Days() {
        lookups.deadlines(TicketStatus.AWAITING_REVIEW, new WaitLimits(Duration.ofDays(100), Duration.ofDays(200)));
        return fixture.given(requested()).andGivenCurrentTime(MONDAY).andGivenCommands(grantSandbox(), reportTest());
    }

    /** The deadlines of a wait: when it began and when each is due; the scheduler's ids are whatever it chose. */
    private static Matcher<Object> deadlines(
            TicketStatus waitingOn, int waitNumber, Instant since, Duration remindAfter, Duration limitAfter) {
        return new CustomTypeSafeMatcher<>("wait " + waitNumber + " on " + waitingOn + " from " + since + ", reminder "
                + remindAfter + ", limit " + limitAfter) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof DeadlinesScheduled scheduled
                        && scheduled.ticketId().equals(TICKET)
                        && scheduled.waitingOn() == waitingOn
                        && scheduled.waitNumber() == waitNumber
                        && scheduled.since().equals(since)
                        && scheduled.remindAt().equals(since.plus(remindAfter))
                        && scheduled.limitAt().equals(since.plus(limitAfter))
                        && scheduled.reminderId() != null;
            }
        };
    }

    /** A reminder of a wait, with the id of the limit it scheduled, whatever the scheduler chose. */
    private static Matcher<Object> reminder(TicketStatus waitingOn, Instant since) {
        return new CustomTypeSafeMatcher<>("reminder of the wait on " + waitingOn + " since " + since) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof ReminderIssued reminder
                        && reminder.ticketId().equals(TICKET)
                        && reminder.waitingOn() == waitingOn
                        && reminder.waitingSince().equals(since)
                        && reminder.limitId() != null;
            }
        };
    }
}
