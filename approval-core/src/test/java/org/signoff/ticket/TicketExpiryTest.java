package org.signoff.ticket;

import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.Lookups.LIBRARIAN_WHO_ASKS;
import static org.signoff.RejectedAs.rejectedAs;
import static org.signoff.ticket.TicketHistories.TICKET;
import static org.signoff.ticket.TicketHistories.tested;
import static org.signoff.ticket.TicketHistories.ticketFixture;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.common.Rejection;
import org.signoff.ticket.api.ApproveProductionUse;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseLapsed;
import org.signoff.ticket.api.ProductionUseRecertified;
import org.signoff.ticket.api.RecertificationRequested;
import org.signoff.ticket.api.RecertifyProductionUse;
import org.signoff.ticket.api.RequestRecertification;
import org.signoff.ticket.api.RevokeProductionUse;
import org.signoff.ticket.api.SignOffValidUntil;

/**
 * A job may say how long a sign-off lasts. Its systems librarians are asked to recertify a month before it lapses;
 * recertified, it lasts a full period again; left alone, it lapses. Time passes in the fixture, not on the clock.
 */
class TicketExpiryTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration A_YEAR = Duration.ofDays(365);
    private static final Duration A_MONTH = Duration.ofDays(30);

    private FixtureConfiguration<SignOffTicket> fixture;
    private Lookups lookups;

    @BeforeEach
    void aJobWhoseSignOffsLastAYear() {
        lookups = new Lookups()
                .job(
                        CHANGE_ITEMS,
                        new JobDefinition(
                                "Items",
                                "Change physical items",
                                null,
                                List.of(Lookups.OVERVIEW),
                                List.of(),
                                false,
                                false,
                                A_YEAR),
                        false);
        fixture = ticketFixture(lookups);
    }

    @Test
    void anApprovalSaysUntilWhenTheSignOffLastsAndSetsItsDeadlines() {
        fixture.given(tested())
                .andGivenCurrentTime(MONDAY)
                .when(new ApproveProductionUse(TICKET, false, null, LIBRARIAN))
                .expectEvents(
                        new ProductionUseApproved(TICKET, AMY, CHANGE_ITEMS, null, false, null, LIBRARIAN),
                        new SignOffValidUntil(
                                TICKET, MONDAY.plus(A_YEAR), MONDAY.plus(A_YEAR).minus(A_MONTH)))
                .expectScheduledDeadlineWithName(A_YEAR.minus(A_MONTH), TicketDeadlines.RECERTIFICATION)
                .expectScheduledDeadlineWithName(A_YEAR, TicketDeadlines.EXPIRY);
    }

    @Test
    void aMonthBeforeItLapsesTheSystemsLibrariansAreAskedToRecertify() {
        fixture.given(tested())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(new ApproveProductionUse(TICKET, false, null, LIBRARIAN))
                .whenTimeElapses(A_YEAR.minus(A_MONTH))
                .expectEvents(RecertificationRequested.beforeLapse(TICKET, AMY, CHANGE_ITEMS, MONDAY.plus(A_YEAR)))
                .expectTriggeredDeadlinesWithName(TicketDeadlines.RECERTIFICATION);
    }

    @Test
    void leftAloneTheSignOffLapses() {
        fixture.given(tested())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(new ApproveProductionUse(TICKET, false, null, LIBRARIAN))
                .whenTimeElapses(A_YEAR)
                .expectEvents(
                        RecertificationRequested.beforeLapse(TICKET, AMY, CHANGE_ITEMS, MONDAY.plus(A_YEAR)),
                        new ProductionUseLapsed(TICKET, AMY, CHANGE_ITEMS, null, MONDAY.plus(A_YEAR)));
    }

    @Test
    void onceRecertifiedTheDeadlinesOfTheEarlierPeriodDoNothing() {
        var approved = fixture.given(tested())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(new ApproveProductionUse(TICKET, false, null, LIBRARIAN));
        // the job's sign-offs now last two years: recertified at once, this one runs to MONDAY + 2 years
        lookups.job(
                CHANGE_ITEMS,
                new JobDefinition(
                        "Items",
                        "Change physical items",
                        null,
                        List.of(),
                        List.of(),
                        false,
                        false,
                        A_YEAR.multipliedBy(2)),
                false);
        approved.andGivenCommands(new RecertifyProductionUse(TICKET, "still runs the monthly clean-up", LIBRARIAN))
                .whenTimeElapses(A_YEAR.plusDays(1)) // the first period's recertification and expiry come and go
                .expectNoEvents()
                .expectTriggeredDeadlinesWithName(TicketDeadlines.RECERTIFICATION, TicketDeadlines.EXPIRY);
    }

    @Test
    void recertifyingRecordsWhoAndWhyAndTheNewEnd() {
        Instant now = MONDAY.plus(Duration.ofDays(340));
        fixture.given(approvedAndValidUntil(MONDAY.plus(A_YEAR)))
                .andGivenCurrentTime(now)
                .when(new RecertifyProductionUse(TICKET, "still runs the monthly clean-up", LIBRARIAN))
                .expectEvents(
                        new ProductionUseRecertified(
                                TICKET, now.plus(A_YEAR), "still runs the monthly clean-up", LIBRARIAN),
                        new SignOffValidUntil(
                                TICKET, now.plus(A_YEAR), now.plus(A_YEAR).minus(A_MONTH)));
    }

    @Test
    void aRevokedSignOffNeitherAsksForRecertificationNorLapses() {
        fixture.given(tested())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(
                        new ApproveProductionUse(TICKET, false, null, LIBRARIAN),
                        new RevokeProductionUse(TICKET, "left the unit", LIBRARIAN))
                .whenTimeElapses(A_YEAR)
                .expectNoEvents();
    }

    @Test
    void onlyASystemsLibrarianOtherThanTheRequesterRecertifiesAndOnlyAnApprovedSignOff() {
        fixture.given(tested())
                .when(new RecertifyProductionUse(TICKET, "why not", LIBRARIAN))
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
        fixture.given(tested())
                .andGivenCommands(new ApproveProductionUse(TICKET, false, null, LIBRARIAN))
                .when(new RecertifyProductionUse(TICKET, "why not", AMY))
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aSignOffOfAJobWithoutExpiryHasNothingToRecertify() {
        lookups.job(
                CHANGE_ITEMS,
                new JobDefinition("Items", "Change physical items", null, List.of(), List.of(), false, false),
                false);
        fixture.given(tested())
                .andGivenCommands(new ApproveProductionUse(TICKET, false, null, LIBRARIAN))
                .when(new RecertifyProductionUse(TICKET, "why not", LIBRARIAN_WHO_ASKS))
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void aCampaignAsksForASignOffThatDoesNotExpireAndTheAnswerIsRecorded() {
        lookups.job(
                CHANGE_ITEMS,
                new JobDefinition("Items", "Change physical items", null, List.of(), List.of(), false, false),
                false);
        fixture.given(tested())
                .andGivenCommands(
                        new ApproveProductionUse(TICKET, false, null, LIBRARIAN),
                        new RequestRecertification(TICKET, "audit-2026", "after the March audit", LIBRARIAN_WHO_ASKS))
                .when(new RecertifyProductionUse(TICKET, "still runs the clean-up", LIBRARIAN))
                .expectEvents(new ProductionUseRecertified(TICKET, null, "still runs the clean-up", LIBRARIAN));
    }

    @Test
    void aCampaignRequestIsRecordedWithWhoAndWhy() {
        fixture.given(tested())
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(new ApproveProductionUse(TICKET, false, null, LIBRARIAN))
                .when(new RequestRecertification(TICKET, "audit-2026", "after the March audit", LIBRARIAN_WHO_ASKS))
                .expectEvents(new RecertificationRequested(
                        TICKET,
                        AMY,
                        CHANGE_ITEMS,
                        MONDAY.plus(A_YEAR),
                        "audit-2026",
                        "after the March audit",
                        LIBRARIAN_WHO_ASKS));
    }

    private static List<Object> approvedAndValidUntil(Instant until) {
        List<Object> history = new java.util.ArrayList<>(tested());
        history.add(new ProductionUseApproved(TICKET, AMY, CHANGE_ITEMS, null, false, null, LIBRARIAN));
        history.add(new SignOffValidUntil(TICKET, until, until.minus(A_MONTH)));
        return history;
    }
}
