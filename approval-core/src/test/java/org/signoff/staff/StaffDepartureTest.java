package org.signoff.staff;

import static org.signoff.Lookups.ADMIN;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.RejectedAs.rejectedAs;

import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.common.Rejection;
import org.signoff.staff.api.ChangeStaffMember;
import org.signoff.staff.api.RecordDeparture;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffMemberLeft;
import org.signoff.staff.api.StaffMemberRegistered;

/** An administrator records that a person left: once, never for the last administrator, and for good. */
class StaffDepartureTest {

    private FixtureConfiguration<StaffMember> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups();
        fixture = new AggregateTestFixture<>(StaffMember.class);
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void anAdministratorRecordsADepartureWithItsReason() {
        fixture.given(new StaffMemberRegistered(AMY, "ITS", Set.of(Role.STAFF), Set.of(), ADMIN))
                .when(new RecordDeparture(AMY, "moved to another library", ADMIN))
                .expectEvents(new StaffMemberLeft(AMY, "moved to another library", ADMIN));
    }

    @Test
    void onlyAnAdministratorRecordsOne() {
        fixture.given(new StaffMemberRegistered(AMY, "ITS", Set.of(Role.STAFF), Set.of(), ADMIN))
                .when(new RecordDeparture(AMY, "moved", LIBRARIAN))
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aPersonLeavesOnceAndIsNotChangedAfterwards() {
        fixture.given(
                        new StaffMemberRegistered(AMY, "ITS", Set.of(Role.STAFF), Set.of(), ADMIN),
                        new StaffMemberLeft(AMY, "moved", ADMIN))
                .when(new RecordDeparture(AMY, "moved again", ADMIN))
                .expectException(rejectedAs(Rejection.STAFF_MEMBER_LEFT));
        fixture.given(
                        new StaffMemberRegistered(AMY, "ITS", Set.of(Role.STAFF), Set.of(), ADMIN),
                        new StaffMemberLeft(AMY, "moved", ADMIN))
                .when(new ChangeStaffMember(AMY, null, "LAW", Set.of(Role.STAFF), Set.of(), ADMIN))
                .expectException(rejectedAs(Rejection.STAFF_MEMBER_LEFT));
    }

    @Test
    void theOnlyAdministratorDoesNotLeave() {
        fixture.given(new StaffMemberRegistered(ADMIN, "LTS", Set.of(Role.ADMIN), Set.of(), null))
                .when(new RecordDeparture(ADMIN, "retired", ADMIN))
                .expectException(rejectedAs(Rejection.LAST_ADMINISTRATOR));
    }

    @Test
    void aPersonWhoLeftActsNoMore() {
        lookups.left(ADMIN);
        fixture.given(new StaffMemberRegistered(AMY, "ITS", Set.of(Role.STAFF), Set.of(), ADMIN))
                .when(new RecordDeparture(AMY, "moved", ADMIN))
                .expectException(rejectedAs(Rejection.PERFORMER_LEFT));
    }
}
