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
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.common.Rejection;
import org.signoff.ticket.api.ConfirmReading;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseReinstated;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.ProductionUseSuspended;
import org.signoff.ticket.api.ReadingConfirmed;
import org.signoff.ticket.api.ReattestationRequired;
import org.signoff.ticket.api.RequireReattestation;
import org.signoff.ticket.api.RevokeProductionUse;
import org.signoff.ticket.api.TicketStatus;

/**
 * The job's required reading gets a new version: whoever is signed off on the old one confirms the new one within
 * the period (30 days by default), or the sign-off is suspended until they do. Time passes in the fixture.
 */
class TicketReattestationTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(30);
    private static final RequiredReading OVERVIEW_V1 = Lookups.OVERVIEW;
    private static final RequiredReading OVERVIEW_V2 = new RequiredReading("jobs-overview", "Jobs overview", "2");
    private static final RequiredReading NEW_DOCUMENT = new RequiredReading("items-faq", "Items FAQ", "1");

    private FixtureConfiguration<SignOffTicket> fixture;
    private Lookups lookups;

    @BeforeEach
    void theOverviewGetsASecondVersion() {
        lookups = new Lookups();
        readings(OVERVIEW_V2, NEW_DOCUMENT);
        fixture = ticketFixture(lookups);
    }

    @Test
    void theHolderOfASignOffOnTheOldVersionIsAskedToConfirmTheNewOneOnly() {
        fixture.given(signedOff(TicketStatus.COMPLETED))
                .andGivenCurrentTime(MONDAY)
                .when(new RequireReattestation(TICKET, LIBRARIAN_WHO_ASKS))
                .expectEvents(new ReattestationRequired(
                        TICKET, AMY, CHANGE_ITEMS, List.of(OVERVIEW_V2), MONDAY.plus(PERIOD), LIBRARIAN_WHO_ASKS))
                .expectScheduledDeadlineWithName(PERIOD, TicketDeadlines.REATTESTATION)
                .expectResultMessagePayload(TicketStatus.COMPLETED); // still on the master list meanwhile
    }

    @Test
    void aRepeatedSweepAsksNothingNewAndNeitherDoesATicketStillInProgress() {
        fixture.given(signedOff(TicketStatus.COMPLETED))
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(new RequireReattestation(TICKET, LIBRARIAN_WHO_ASKS))
                .when(new RequireReattestation(TICKET, LIBRARIAN_WHO_ASKS))
                .expectNoEvents();
        fixture.given(tested())
                .when(new RequireReattestation(TICKET, LIBRARIAN_WHO_ASKS))
                .expectNoEvents();
    }

    @Test
    void confirmedInTimeTheSignOffStaysAndTheDeadlineDoesNothing() {
        fixture.given(signedOff(TicketStatus.COMPLETED))
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(
                        new RequireReattestation(TICKET, LIBRARIAN_WHO_ASKS),
                        new ConfirmReading(TICKET, "jobs-overview", "2", AMY))
                .whenTimeElapses(PERIOD.plusDays(1))
                .expectNoEvents()
                .expectTriggeredDeadlinesWithName(TicketDeadlines.REATTESTATION);
    }

    @Test
    void leftUnconfirmedTheSignOffIsSuspended() {
        fixture.given(signedOff(TicketStatus.COMPLETED))
                .andGivenCurrentTime(MONDAY)
                .andGivenCommands(new RequireReattestation(TICKET, LIBRARIAN_WHO_ASKS))
                .whenTimeElapses(PERIOD)
                .expectEvents(new ProductionUseSuspended(TICKET, AMY, CHANGE_ITEMS, null, List.of(OVERVIEW_V2)));
    }

    @Test
    void confirmingTheNewVersionReinstatesASuspendedSignOffAsItWas() {
        fixture.given(suspended(TicketStatus.AWAITING_ROLE_UPDATE))
                .when(new ConfirmReading(TICKET, "jobs-overview", "2", AMY))
                .expectEvents(
                        new ReadingConfirmed(TICKET, "jobs-overview", "2", AMY),
                        new ProductionUseReinstated(
                                TICKET, AMY, CHANGE_ITEMS, null, TicketStatus.AWAITING_ROLE_UPDATE, AMY))
                .expectResultMessagePayload(TicketStatus.AWAITING_ROLE_UPDATE);
    }

    @Test
    void onlyThePendingDocumentAtItsCurrentVersionIsConfirmedAndOnlyByTheRequester() {
        fixture.given(suspended(TicketStatus.COMPLETED))
                .when(new ConfirmReading(TICKET, "jobs-overview", "1", AMY))
                .expectException(rejectedAs(Rejection.OUTDATED_READING_VERSION));
        fixture.given(suspended(TicketStatus.COMPLETED))
                .when(new ConfirmReading(TICKET, "items-faq", "1", AMY))
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
        fixture.given(suspended(TicketStatus.COMPLETED))
                .when(new ConfirmReading(TICKET, "jobs-overview", "2", LIBRARIAN))
                .expectException(rejectedAs(Rejection.NOT_THE_REQUESTER));
    }

    @Test
    void aSuspendedSignOffCanStillBeRevoked() {
        fixture.given(suspended(TicketStatus.COMPLETED))
                .when(new RevokeProductionUse(TICKET, "never confirmed", LIBRARIAN))
                .expectEvents(new ProductionUseRevoked(TICKET, AMY, CHANGE_ITEMS, null, "never confirmed", LIBRARIAN))
                .expectResultMessagePayload(TicketStatus.REVOKED);
    }

    @Test
    void onlyASystemsLibrarianOrAnAdministratorAsksForReattestation() {
        fixture.given(signedOff(TicketStatus.COMPLETED))
                .when(new RequireReattestation(TICKET, AMY))
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    private void readings(RequiredReading... current) {
        lookups.job(
                CHANGE_ITEMS,
                new JobDefinition("Items", "Change physical items", null, List.of(current), List.of(), false, false),
                false);
    }

    private static List<Object> suspended(TicketStatus from) {
        List<Object> history = new ArrayList<>(signedOff(from));
        history.add(new ReattestationRequired(
                TICKET, AMY, CHANGE_ITEMS, List.of(OVERVIEW_V2), MONDAY.plus(PERIOD), LIBRARIAN_WHO_ASKS));
        history.add(new ProductionUseSuspended(TICKET, AMY, CHANGE_ITEMS, null, List.of(OVERVIEW_V2)));
        return history;
    }

    /** Approved on version 1 of the overview; {@code status} says whether the role update is still to come. */
    private static List<Object> signedOff(TicketStatus status) {
        List<Object> history = new ArrayList<>(tested());
        history.add(new ProductionUseApproved(
                TICKET, AMY, CHANGE_ITEMS, null, status != TicketStatus.COMPLETED, null, LIBRARIAN));
        if (status == TicketStatus.AWAITING_ROLE_UPDATE) {
            history.add(new org.signoff.ticket.api.RoleRequestSubmitted(TICKET, "form-1", Lookups.ITS_LIAISON));
        }
        return history;
    }
}
