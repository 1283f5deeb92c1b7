package org.signoff.ticket;

import static org.signoff.Lookups.ADMIN;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.RejectedAs.rejectedAs;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.common.Rejection;
import org.signoff.ticket.api.EndForDeparture;
import org.signoff.ticket.api.JobAccessRequested;
import org.signoff.ticket.api.ProductionUseApproved;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.RequesterLeft;
import org.signoff.ticket.api.SignOffStarted;
import org.signoff.ticket.api.StartSignOff;
import org.signoff.ticket.api.TicketId;

/** When a person leaves, each of their open tickets and sign-offs ends with an event of its own. */
class TicketDepartureTest {

    private static final TicketId TICKET = TicketId.of("t-1");

    private FixtureConfiguration<SignOffTicket> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups();
        fixture = new AggregateTestFixture<>(SignOffTicket.class);
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void anOpenTicketOfAPersonWhoLeftEnds() {
        lookups.left(AMY);
        fixture.given(started(), new JobAccessRequested(TICKET, "LTS-1", null, AMY))
                .when(new EndForDeparture(TICKET, "moved to another library", ADMIN))
                .expectEvents(new RequesterLeft(TICKET, AMY, CHANGE_ITEMS, null, "moved to another library", ADMIN));
    }

    @Test
    void aSignOffOfAPersonWhoLeftEnds() {
        lookups.left(AMY);
        fixture.given(started(), new ProductionUseApproved(TICKET, AMY, CHANGE_ITEMS, null, false, null, LIBRARIAN))
                .when(new EndForDeparture(TICKET, "moved", ADMIN))
                .expectEvents(new RequesterLeft(TICKET, AMY, CHANGE_ITEMS, null, "moved", ADMIN));
    }

    @Test
    void aTicketOfSomeoneStillHereOrAlreadyEndedIsLeftAlone() {
        fixture.given(started())
                .when(new EndForDeparture(TICKET, "moved", ADMIN))
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
        lookups.left(AMY);
        fixture.given(
                        started(),
                        new ProductionUseApproved(TICKET, AMY, CHANGE_ITEMS, null, false, null, LIBRARIAN),
                        new ProductionUseRevoked(TICKET, AMY, CHANGE_ITEMS, null, "audit", LIBRARIAN))
                .when(new EndForDeparture(TICKET, "moved", ADMIN))
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
    }

    @Test
    void onlyAnAdministratorEndsThem() {
        lookups.left(AMY);
        fixture.given(started())
                .when(new EndForDeparture(TICKET, "moved", LIBRARIAN))
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aPersonWhoLeftOpensNoTicket() {
        lookups.left(AMY);
        fixture.givenNoPriorActivity()
                .when(new StartSignOff(TICKET, CHANGE_ITEMS, null, AMY))
                .expectException(rejectedAs(Rejection.PERFORMER_LEFT));
    }

    private static SignOffStarted started() {
        return new SignOffStarted(TICKET, AMY, CHANGE_ITEMS, null);
    }
}
