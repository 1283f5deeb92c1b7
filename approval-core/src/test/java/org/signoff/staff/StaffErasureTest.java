package org.signoff.staff;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.signoff.staff.api.EraseStaffMember;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.staff.api.StaffMemberLeft;
import org.signoff.staff.api.StaffMemberRegistered;

/**
 * An administrator erases a person who left: the erasure is recorded with who did it and the pseudonym, nothing of
 * who the person was; it happens once, and never to someone still here or whose history predates pseudonyms.
 */
class StaffErasureTest {

    private static final StaffMemberRegistered AMY_JOINED =
            new StaffMemberRegistered(AMY, "ITS", Set.of(Role.STAFF), Set.of(), ADMIN, "amy");
    private static final StaffMemberLeft AMY_LEFT = new StaffMemberLeft(AMY, "moved", ADMIN);

    private FixtureConfiguration<StaffMember> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups();
        fixture = new AggregateTestFixture<>(StaffMember.class);
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void anAdministratorErasesAPersonWhoLeft() {
        fixture.given(AMY_JOINED, AMY_LEFT)
                .when(new EraseStaffMember(AMY, ADMIN))
                .expectEvents(new StaffMemberErased("amy", ADMIN));
        assertThat(lookups.erased(AMY)).isTrue();
    }

    @Test
    void onlyAnAdministratorErasesAndOnlySomeoneWhoLeft() {
        fixture.given(AMY_JOINED, AMY_LEFT)
                .when(new EraseStaffMember(AMY, LIBRARIAN))
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
        fixture.given(AMY_JOINED)
                .when(new EraseStaffMember(AMY, ADMIN))
                .expectException(rejectedAs(Rejection.STAFF_MEMBER_NOT_LEFT));
        assertThat(lookups.erased(AMY)).isFalse();
    }

    @Test
    void anErasureHappensOnceAndNothingChangesAfterIt() {
        fixture.given(AMY_JOINED, AMY_LEFT, new StaffMemberErased("amy", ADMIN))
                .when(new EraseStaffMember(AMY, ADMIN))
                .expectException(rejectedAs(Rejection.STAFF_MEMBER_LEFT));
        fixture.given(AMY_JOINED, AMY_LEFT, new StaffMemberErased("amy", ADMIN))
                .when(new ChangeStaffMember(AMY, "Amy D.", "ITS", Set.of(Role.STAFF), Set.of(), ADMIN))
                .expectException(rejectedAs(Rejection.STAFF_MEMBER_LEFT));
    }

    @Test
    void nobodyIsRegisteredUnderTheNameOfTheErased() {
        fixture.givenNoPriorActivity()
                .when(new org.signoff.staff.api.RegisterStaffMember(
                        org.signoff.staff.api.StaffId.of("erased-0a1b2c"),
                        "Someone",
                        "ITS",
                        Set.of(Role.STAFF),
                        Set.of(),
                        ADMIN))
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void aPersonRegisteredBeforePseudonymsCannotBeErased() {
        fixture.given(new StaffMemberRegistered(AMY, "ITS", Set.of(Role.STAFF), Set.of(), ADMIN), AMY_LEFT)
                .when(new EraseStaffMember(AMY, ADMIN))
                .expectException(rejectedAs(Rejection.ERASURE_UNAVAILABLE));
        assertThat(lookups.erased(AMY)).isFalse();
    }
}
