package org.signoff.ticket;

import static org.signoff.Lookups.ADMIN;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.CHANGE_ITEMS;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.RejectedAs.rejectedAs;
import static org.signoff.ticket.TicketHistories.ticketFixture;

import java.time.Instant;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.catalog.api.JobId;
import org.signoff.common.Rejection;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.MigrationSource;
import org.signoff.ticket.api.RecordMigratedSignOff;
import org.signoff.ticket.api.RevokeProductionUse;
import org.signoff.ticket.api.SignOffMigrated;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/**
 * A sign-off from the old master list comes in signed off, marked with where it came from, without the six steps;
 * the same rules as a new ticket decide whether it may (an administrator, a known person, an open job, a free place);
 * once in, it is a sign-off like any other: it can be revoked.
 */
class MigratedSignOffTest {

    private static final TicketId TICKET = TicketId.of("m-1");
    private static final Instant SIGNED_OFF = Instant.parse("2024-05-02T00:00:00Z");
    private static final MigrationSource WIKI = new MigrationSource("batch-1", "master-list.csv", 7);

    private FixtureConfiguration<SignOffTicket> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups();
        fixture = ticketFixture(lookups);
    }

    @Test
    void anAdministratorBringsInASignOffFromTheOldList() {
        fixture.givenNoPriorActivity()
                .when(new RecordMigratedSignOff(TICKET, AMY, CHANGE_ITEMS, null, SIGNED_OFF, LIBRARIAN, WIKI, ADMIN))
                .expectEvents(new SignOffMigrated(TICKET, AMY, CHANGE_ITEMS, null, SIGNED_OFF, LIBRARIAN, WIKI, ADMIN));
    }

    @Test
    void theRulesOfANewTicketDecide() {
        fixture.givenNoPriorActivity()
                .when(new RecordMigratedSignOff(TICKET, AMY, CHANGE_ITEMS, null, null, null, WIKI, LIBRARIAN))
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
        fixture.givenNoPriorActivity()
                .when(new RecordMigratedSignOff(
                        TICKET, StaffId.of("nobody"), CHANGE_ITEMS, null, null, null, WIKI, ADMIN))
                .expectException(rejectedAs(Rejection.UNKNOWN_STAFF));
        fixture.givenNoPriorActivity()
                .when(new RecordMigratedSignOff(TICKET, AMY, JobId.of("no-such-job"), null, null, null, WIKI, ADMIN))
                .expectException(rejectedAs(Rejection.UNKNOWN_JOB));
        lookups.slotHeld(AMY, CHANGE_ITEMS, null, TicketId.of("t-open"));
        fixture.givenNoPriorActivity()
                .when(new RecordMigratedSignOff(TICKET, AMY, CHANGE_ITEMS, null, null, null, WIKI, ADMIN))
                .expectException(rejectedAs(Rejection.TICKET_ALREADY_OPEN));
    }

    @Test
    void onceInItIsASignOffLikeAnyOther() {
        fixture.given(new SignOffMigrated(TICKET, AMY, CHANGE_ITEMS, null, SIGNED_OFF, null, WIKI, ADMIN))
                .when(new RevokeProductionUse(TICKET, "no longer in the unit", LIBRARIAN))
                .expectResultMessagePayload(TicketStatus.REVOKED);
    }
}
