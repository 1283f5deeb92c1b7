package org.signoff.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.Lookups.ADMIN;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.DARYL;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.RejectedAs.rejectedAs;

import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.common.Rejection;
import org.signoff.staff.api.AlmaPrimaryIdCleared;
import org.signoff.staff.api.AlmaPrimaryIdSet;
import org.signoff.staff.api.EraseStaffMember;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.SetAlmaPrimaryId;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.staff.api.StaffMemberLeft;
import org.signoff.staff.api.StaffMemberRegistered;

/**
 * An administrator gives a person the login they use in Alma: kept with their name, out of the events; one person
 * per login; the same login again records nothing; gone with the person's erasure.
 */
class StaffAlmaPrimaryIdTest {

    private static final StaffMemberRegistered AMY_JOINED =
            new StaffMemberRegistered(AMY, "ITS", Set.of(Role.STAFF), Set.of(), ADMIN, "amy");

    private FixtureConfiguration<StaffMember> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups();
        fixture = new AggregateTestFixture<>(StaffMember.class);
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void anAdministratorSetsAPersonsAlmaPrimaryIdAndItStaysOutOfTheEvent() {
        fixture.given(AMY_JOINED)
                .when(new SetAlmaPrimaryId(AMY, "amy.dittman@example.edu", ADMIN))
                .expectEvents(new AlmaPrimaryIdSet(AMY, ADMIN));
        assertThat(lookups.almaPrimaryIds).containsEntry(AMY, "amy.dittman@example.edu");
    }

    @Test
    void onlyAnAdministratorSetsIt() {
        fixture.given(AMY_JOINED)
                .when(new SetAlmaPrimaryId(AMY, "amy.dittman@example.edu", LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
        assertThat(lookups.almaPrimaryIds).isEmpty();
    }

    @Test
    void theSameAlmaPrimaryIdAgainRecordsNothing() {
        lookups.storeAlmaPrimaryId(AMY, "amy.dittman@example.edu");
        fixture.given(AMY_JOINED, new AlmaPrimaryIdSet(AMY, ADMIN))
                .when(new SetAlmaPrimaryId(AMY, "amy.dittman@example.edu", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void twoPeopleCannotHoldTheSameAlmaPrimaryIdWhateverItsLetterCase() {
        lookups.storeAlmaPrimaryId(DARYL, "Shared.Login@example.edu");
        fixture.given(AMY_JOINED)
                .when(new SetAlmaPrimaryId(AMY, "shared.login@EXAMPLE.edu", ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ALMA_PRIMARY_ID_IN_USE));
        assertThat(lookups.almaPrimaryIds).doesNotContainKey(AMY);
    }

    @Test
    void aPersonMayChangeTheLetterCaseOfTheirOwnAlmaPrimaryId() {
        lookups.storeAlmaPrimaryId(AMY, "adittman");
        fixture.given(AMY_JOINED, new AlmaPrimaryIdSet(AMY, ADMIN))
                .when(new SetAlmaPrimaryId(AMY, "ADITTMAN", ADMIN))
                .expectEvents(new AlmaPrimaryIdSet(AMY, ADMIN));
        assertThat(lookups.almaPrimaryIds).containsEntry(AMY, "ADITTMAN");
    }

    @Test
    void anEmptyAlmaPrimaryIdIsRefused() {
        fixture.given(AMY_JOINED)
                .when(new SetAlmaPrimaryId(AMY, "  ", ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void anAdministratorClearsItAndClearingNothingRecordsNothing() {
        lookups.storeAlmaPrimaryId(AMY, "adittman");
        fixture.given(AMY_JOINED, new AlmaPrimaryIdSet(AMY, ADMIN))
                .when(new SetAlmaPrimaryId(AMY, null, ADMIN))
                .expectEvents(new AlmaPrimaryIdCleared(AMY, ADMIN));
        assertThat(lookups.almaPrimaryIds).doesNotContainKey(AMY);
        fixture.given(AMY_JOINED)
                .when(new SetAlmaPrimaryId(AMY, null, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void someoneWhoLeftGetsNoAlmaPrimaryId() {
        fixture.given(AMY_JOINED, new StaffMemberLeft(AMY, "moved", ADMIN))
                .when(new SetAlmaPrimaryId(AMY, "adittman", ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STAFF_MEMBER_LEFT));
    }

    @Test
    void erasingAPersonErasesTheirAlmaPrimaryId() {
        lookups.storeAlmaPrimaryId(AMY, "adittman");
        fixture.given(AMY_JOINED, new AlmaPrimaryIdSet(AMY, ADMIN), new StaffMemberLeft(AMY, "moved", ADMIN))
                .when(new EraseStaffMember(AMY, ADMIN))
                .expectEvents(new StaffMemberErased("amy", ADMIN));
        assertThat(lookups.almaPrimaryIds).isEmpty();
    }
}
