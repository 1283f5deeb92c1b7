package org.signoff.ticket;

import static org.signoff.Lookups.ADMIN;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.RejectedAs.rejectedAs;
import static org.signoff.ticket.TicketHistories.TICKET;
import static org.signoff.ticket.TicketHistories.completed;
import static org.signoff.ticket.TicketHistories.requested;
import static org.signoff.ticket.TicketHistories.started;
import static org.signoff.ticket.TicketHistories.then;
import static org.signoff.ticket.TicketHistories.ticketFixture;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.common.Rejection;
import org.signoff.ticket.api.EndForDeparture;
import org.signoff.ticket.api.ProductionUseRevoked;
import org.signoff.ticket.api.RequesterLeft;
import org.signoff.ticket.api.StartSignOff;

/** When a person leaves, each of their open tickets and sign-offs ends with an event of its own. */
class TicketDepartureTest {

    private FixtureConfiguration<SignOffTicket> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups();
        fixture = ticketFixture(lookups);
    }

    @Test
    void anOpenTicketOfAPersonWhoLeftEnds() {
        lookups.left(AMY);
        fixture.given(requested())
                .when(new EndForDeparture(TICKET, "moved to another library", ADMIN))
                .expectEvents(new RequesterLeft(TICKET, AMY, CHANGE_ITEMS, null, "moved to another library", ADMIN));
    }

    @Test
    void aSignOffOfAPersonWhoLeftEnds() {
        lookups.left(AMY);
        fixture.given(completed())
                .when(new EndForDeparture(TICKET, "moved", ADMIN))
                .expectEvents(new RequesterLeft(TICKET, AMY, CHANGE_ITEMS, null, "moved", ADMIN));
    }

    @Test
    void aTicketOfSomeoneStillHereOrAlreadyEndedIsLeftAlone() {
        fixture.given(started())
                .when(new EndForDeparture(TICKET, "moved", ADMIN))
                .expectException(rejectedAs(Rejection.STEP_OUT_OF_ORDER));
        lookups.left(AMY);
        fixture.given(then(completed(), new ProductionUseRevoked(TICKET, AMY, CHANGE_ITEMS, null, "audit", LIBRARIAN)))
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
}
