package org.signoff.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.Lookups.ADMIN;
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
import org.signoff.staff.api.EnrolFirstAdministrator;
import org.signoff.staff.api.RegisterStaffMember;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberRegistered;

class StaffMemberTest {

    private static final StaffId JULIE = StaffId.of("jpetzold");

    private FixtureConfiguration<StaffMember> fixture;
    private Lookups lookups;

    @BeforeEach
    void setUp() {
        lookups = new Lookups();
        fixture = new AggregateTestFixture<>(StaffMember.class);
        fixture.registerInjectableResource(lookups);
    }

    @Test
    void administratorRegistersAPersonAndTheNameStaysOutOfTheEvent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember(JULIE, "Julie Petzold", "HKS/GUT", Set.of(Role.STAFF), Set.of(), ADMIN))
                .expectEvents(new StaffMemberRegistered(
                        JULIE, "HKS/GUT", Set.of(Role.STAFF), Set.of(), ADMIN, lookups.pseudonymOf(JULIE)));
        assertThat(lookups.displayNames).containsEntry(JULIE, "Julie Petzold");
    }

    @Test
    void onlyAnAdministratorRegistersPeople() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember(
                        JULIE, "Julie Petzold", "HKS/GUT", Set.of(Role.STAFF), Set.of(), LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
        assertThat(lookups.displayNames).doesNotContainKey(JULIE);
    }

    @Test
    void liaisonUnitsNeedTheLiaisonRole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterStaffMember(
                        JULIE, "Julie Petzold", "HKS/GUT", Set.of(Role.STAFF), Set.of("HKS"), ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void administratorMakesSomeoneLiaisonOfTheirUnit() {
        fixture.given(new StaffMemberRegistered(JULIE, "HKS/GUT", Set.of(Role.STAFF), Set.of(), ADMIN))
                .when(new ChangeStaffMember(
                        JULIE, null, "HKS/GUT", Set.of(Role.STAFF, Role.LIAISON), Set.of("HKS/GUT"), ADMIN))
                .expectEvents(new StaffMemberChanged(
                        JULIE, "HKS/GUT", Set.of(Role.STAFF, Role.LIAISON), Set.of("HKS/GUT"), ADMIN));
    }

    @Test
    void theFirstAdministratorEntersAnEmptyDirectory() {
        lookups.withoutAdministrators();
        fixture.givenNoPriorActivity()
                .when(new EnrolFirstAdministrator(StaffId.of("root"), "Operator", "LTS"))
                .expectEvents(new StaffMemberRegistered(
                        StaffId.of("root"), "LTS", Set.of(Role.ADMIN), Set.of(), null, "root"));
    }

    @Test
    void aFirstAdministratorIsRefusedOnceThereIsOne() {
        fixture.givenNoPriorActivity()
                .when(new EnrolFirstAdministrator(StaffId.of("root"), "Operator", "LTS"))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ADMINISTRATOR_EXISTS));
    }

    @Test
    void theOnlyAdministratorMayNotDropTheRole() {
        fixture.given(new StaffMemberRegistered(ADMIN, "LTS", Set.of(Role.ADMIN), Set.of(), null))
                .when(new ChangeStaffMember(ADMIN, null, "LTS", Set.of(Role.STAFF), Set.of(), ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.LAST_ADMINISTRATOR));
    }

    @Test
    void anAdministratorMayDropTheRoleWhileAnotherHoldsIt() {
        lookups.person(JULIE, "HKS/GUT", Set.of(Role.ADMIN), Set.of());
        fixture.given(new StaffMemberRegistered(ADMIN, "LTS", Set.of(Role.ADMIN), Set.of(), null))
                .when(new ChangeStaffMember(ADMIN, null, "LTS", Set.of(Role.STAFF), Set.of(), JULIE))
                .expectEvents(new StaffMemberChanged(ADMIN, "LTS", Set.of(Role.STAFF), Set.of(), JULIE));
    }

    @Test
    void aKnownPersonRegainsTheAdministratorRoleWhenTheDirectoryHasNone() {
        lookups.withoutAdministrators();
        fixture.given(
                        new StaffMemberRegistered(ADMIN, "LTS", Set.of(Role.ADMIN), Set.of(), null),
                        new StaffMemberChanged(ADMIN, "LTS", Set.of(Role.STAFF), Set.of(), ADMIN))
                .when(new EnrolFirstAdministrator(ADMIN, "Administrator", "LTS"))
                .expectEvents(new StaffMemberChanged(ADMIN, "LTS", Set.of(Role.ADMIN, Role.STAFF), Set.of(), null));
    }
}
