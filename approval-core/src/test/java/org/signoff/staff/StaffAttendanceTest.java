package org.signoff.staff;

import static org.signoff.Lookups.ADMIN;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.RejectedAs.rejectedAs;

import java.time.LocalDate;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.common.Rejection;
import org.signoff.staff.api.ClassAttended;
import org.signoff.staff.api.RecordClassAttendance;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberLeft;
import org.signoff.staff.api.StaffMemberRegistered;

/**
 * A trainer or facilitator records who attended their class on which day; an administrator may too (the training
 * portal's lists). The same class on the same day again is known already; a class the catalog does not have, a day in
 * the future, a person who left, anyone else recording or anyone recording their own is refused, and nothing is
 * recorded.
 */
class StaffAttendanceTest {

    private static final StaffId TRAINER = StaffId.of("trainer");
    private static final StaffId FACILITATOR = StaffId.of("facilitator");
    private static final TrainingClassId HOLDINGS = TrainingClassId.of("holdings-and-items");
    private static final LocalDate CLASS_DAY = LocalDate.of(2026, 3, 4);
    private static final StaffMemberRegistered AMY_JOINED =
            new StaffMemberRegistered(AMY, "ITS", Set.of(Role.STAFF), Set.of(), ADMIN, "amy");

    private FixtureConfiguration<StaffMember> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffMember.class);
        fixture.registerInjectableResource(new Lookups()
                .person(TRAINER, "LTS", Set.of(Role.TRAINER), Set.of())
                .person(FACILITATOR, "ITS", Set.of(Role.FACILITATOR, Role.STAFF), Set.of())
                .trainingClass(HOLDINGS, "Holdings & Items", false));
    }

    @Test
    void aTrainerRecordsThatAPersonAttendedTheirClass() {
        fixture.given(AMY_JOINED)
                .when(new RecordClassAttendance(AMY, HOLDINGS, CLASS_DAY, TRAINER))
                .expectEvents(new ClassAttended(AMY, HOLDINGS, CLASS_DAY, TRAINER));
    }

    @Test
    void aFacilitatorAndAnAdministratorMayRecordItToo() {
        fixture.given(AMY_JOINED)
                .when(new RecordClassAttendance(AMY, HOLDINGS, CLASS_DAY, FACILITATOR))
                .expectEvents(new ClassAttended(AMY, HOLDINGS, CLASS_DAY, FACILITATOR));
        fixture.given(AMY_JOINED)
                .when(new RecordClassAttendance(AMY, HOLDINGS, CLASS_DAY, ADMIN))
                .expectEvents(new ClassAttended(AMY, HOLDINGS, CLASS_DAY, ADMIN));
    }

    @Test
    void aSystemsLibrarianMayNotRecordAttendance() {
        fixture.given(AMY_JOINED)
                .when(new RecordClassAttendance(AMY, HOLDINGS, CLASS_DAY, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aRequesterMayNotRecordTheirOwnAttendance() {
        fixture.given(AMY_JOINED)
                .when(new RecordClassAttendance(AMY, HOLDINGS, CLASS_DAY, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aTrainerMayNotRecordTheirOwnAttendanceEither() {
        StaffMemberRegistered trainerJoined =
                new StaffMemberRegistered(TRAINER, "LTS", Set.of(Role.TRAINER, Role.STAFF), Set.of(), ADMIN, "trainer");
        fixture.given(trainerJoined)
                .when(new RecordClassAttendance(TRAINER, HOLDINGS, CLASS_DAY, TRAINER))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.OWN_ATTENDANCE));
    }

    @Test
    void theSameClassOnTheSameDayIsKnownAlready() {
        fixture.given(AMY_JOINED, new ClassAttended(AMY, HOLDINGS, CLASS_DAY, TRAINER))
                .when(new RecordClassAttendance(AMY, HOLDINGS, CLASS_DAY, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ATTENDANCE_ALREADY_RECORDED));
    }

    @Test
    void theSameClassOnAnotherDayIsRecorded() {
        fixture.given(AMY_JOINED, new ClassAttended(AMY, HOLDINGS, CLASS_DAY, TRAINER))
                .when(new RecordClassAttendance(AMY, HOLDINGS, CLASS_DAY.plusMonths(6), TRAINER))
                .expectEvents(new ClassAttended(AMY, HOLDINGS, CLASS_DAY.plusMonths(6), TRAINER));
    }

    @Test
    void aClassTheCatalogDoesNotHaveIsRefused() {
        fixture.given(AMY_JOINED)
                .when(new RecordClassAttendance(AMY, TrainingClassId.of("juggling"), CLASS_DAY, TRAINER))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.UNKNOWN_TRAINING_CLASS));
    }

    @Test
    void aDayInTheFutureIsRefused() {
        fixture.given(AMY_JOINED)
                .when(new RecordClassAttendance(AMY, HOLDINGS, LocalDate.now().plusDays(3), TRAINER))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void aDayBeforeTheCenturyIsASlipAndRefused() {
        fixture.given(AMY_JOINED)
                .when(new RecordClassAttendance(AMY, HOLDINGS, LocalDate.of(26, 3, 4), TRAINER))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void noAttendanceIsRecordedForAPersonWhoLeft() {
        fixture.given(AMY_JOINED, new StaffMemberLeft(AMY, "retired", ADMIN))
                .when(new RecordClassAttendance(AMY, HOLDINGS, CLASS_DAY, TRAINER))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.STAFF_MEMBER_LEFT));
    }
}
