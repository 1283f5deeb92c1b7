package org.signoff.ticket;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.not;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.RejectedAs.rejectedAs;
import static org.signoff.ticket.TicketHistories.TICKET;
import static org.signoff.ticket.TicketHistories.readAll;
import static org.signoff.ticket.TicketHistories.ticketFixture;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.common.Rejection;
import org.signoff.ticket.api.AttendedClass;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.RequestJobAccess;

/**
 * The request (step 2) rests on the training as on the readings: it is refused, naming the missing classes, until the
 * requester attended every class the job requires (those of every job and its own), and it keeps the day of each.
 */
class TicketTrainingTest {

    private static final TrainingClassId INTRODUCTION = TrainingClassId.of("introduction-to-alma");
    private static final TrainingClassId HOLDINGS = TrainingClassId.of("holdings-and-items");
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 4);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 8);

    private Lookups lookups;
    private FixtureConfiguration<SignOffTicket> fixture;

    @BeforeEach
    void setUp() {
        lookups = new Lookups()
                .trainingClass(INTRODUCTION, "Introduction to Alma", true)
                .trainingClass(HOLDINGS, "Holdings & Items", false)
                .requires(CHANGE_ITEMS, HOLDINGS);
        fixture = ticketFixture(lookups);
    }

    @Test
    void theRequestNamesTheClassesNotYetAttended() {
        lookups.attended(AMY, INTRODUCTION, MARCH);
        fixture.given(readAll())
                .when(new RequestJobAccess(TICKET, "LTS-1", null, AMY))
                .expectNoEvents()
                .expectException(allOf(
                        rejectedAs(Rejection.CLASSES_NOT_ATTENDED),
                        hasProperty("message", containsString("Holdings & Items (holdings-and-items)")),
                        hasProperty("message", not(containsString("Introduction")))));
    }

    @Test
    void aClassEveryJobRequiresIsRequiredOfThisOne() {
        lookups.attended(AMY, HOLDINGS, APRIL);
        fixture.given(readAll())
                .when(new RequestJobAccess(TICKET, "LTS-1", null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.CLASSES_NOT_ATTENDED));
    }

    @Test
    void onceEveryClassIsAttendedTheRequestKeepsTheDayOfEach() {
        lookups.attended(AMY, INTRODUCTION, MARCH).attended(AMY, HOLDINGS, APRIL);
        fixture.given(readAll())
                .when(new RequestJobAccess(TICKET, "LTS-1", null, AMY))
                .expectEvents(new JobAccessRequested(
                        TICKET,
                        "LTS-1",
                        null,
                        AMY,
                        List.of(new AttendedClass(INTRODUCTION, MARCH), new AttendedClass(HOLDINGS, APRIL))));
    }

    @Test
    void aClassAddedToTheJobLaterHoldsForATicketThatHasNotAskedYet() {
        TrainingClassId workOrders = TrainingClassId.of("work-orders");
        lookups.attended(AMY, INTRODUCTION, MARCH).attended(AMY, HOLDINGS, APRIL);
        lookups.trainingClass(workOrders, "Work Orders", false).requires(CHANGE_ITEMS, HOLDINGS, workOrders);
        fixture.given(readAll())
                .when(new RequestJobAccess(TICKET, "LTS-1", null, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.CLASSES_NOT_ATTENDED));
    }
}
