package org.signoff.catalog;

import static org.signoff.Lookups.ADMIN;
import static org.signoff.Lookups.AMY;
import static org.signoff.Lookups.LIBRARIAN;
import static org.signoff.Lookups.OVERVIEW;
import static org.signoff.RejectedAs.rejectedAs;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.Lookups;
import org.signoff.catalog.api.AlmaRole;
import org.signoff.catalog.api.AlmaSide;
import org.signoff.catalog.api.JobAlmaSideSet;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRetired;
import org.signoff.catalog.api.SetJobAlmaSide;
import org.signoff.common.Rejection;

/**
 * A job's Alma side: the Alma jobs it covers and the roles it needs in the Sandbox and in production, set by a
 * systems librarian or an administrator; an incomplete or repeated entry is refused, the same side again records
 * nothing.
 */
class JobAlmaSideTest {

    private static final JobId CHANGE_ITEMS = JobId.of("change-physical-items");
    private static final JobDefinition DEFINITION =
            new JobDefinition("Items", "Change physical items", null, List.of(OVERVIEW), List.of(), false, true);
    private static final JobRegistered REGISTERED = new JobRegistered(CHANGE_ITEMS, DEFINITION, LIBRARIAN);

    private static final AlmaRole OPERATOR = new AlmaRole(
            "51", "01HVD_INST", List.of(new AlmaRole.Parameter("JobCategory", null, "PHYSICAL_INVENTORY")));
    private static final AlmaSide SIDE = new AlmaSide(List.of("M28"), List.of(), List.of(OPERATOR), List.of(OPERATOR));

    private FixtureConfiguration<Job> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        fixture.registerInjectableResource(new Lookups());
    }

    @Test
    void anAdministratorSaysWhatTheJobIsInAlma() {
        fixture.given(REGISTERED)
                .when(new SetJobAlmaSide(CHANGE_ITEMS, SIDE, ADMIN))
                .expectEvents(new JobAlmaSideSet(CHANGE_ITEMS, SIDE, ADMIN));
    }

    @Test
    void theSameSideAgainRecordsNothing() {
        fixture.given(REGISTERED, new JobAlmaSideSet(CHANGE_ITEMS, SIDE, ADMIN))
                .when(new SetJobAlmaSide(CHANGE_ITEMS, SIDE, LIBRARIAN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEmptySideEmptiesWhatWasSaidAndIsNothingNewForAJobWithoutOne() {
        fixture.given(REGISTERED, new JobAlmaSideSet(CHANGE_ITEMS, SIDE, ADMIN))
                .when(new SetJobAlmaSide(CHANGE_ITEMS, AlmaSide.NONE, ADMIN))
                .expectEvents(new JobAlmaSideSet(CHANGE_ITEMS, AlmaSide.NONE, ADMIN));
        fixture.given(REGISTERED)
                .when(new SetJobAlmaSide(CHANGE_ITEMS, AlmaSide.NONE, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void staffCannotSetTheAlmaSide() {
        fixture.given(REGISTERED)
                .when(new SetJobAlmaSide(CHANGE_ITEMS, SIDE, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aRetiredJobGetsNoAlmaSide() {
        fixture.given(REGISTERED, new JobRetired(CHANGE_ITEMS, "replaced", LIBRARIAN))
                .when(new SetJobAlmaSide(CHANGE_ITEMS, SIDE, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.JOB_RETIRED));
    }

    @Test
    void anEmptyAlmaJobIdIsRefused() {
        refused(new AlmaSide(List.of("M28", " "), List.of(), List.of(), List.of()));
        refused(new AlmaSide(List.of(), List.of(""), List.of(), List.of()));
    }

    @Test
    void anIdListedTwiceIsRefused() {
        refused(new AlmaSide(List.of("M28", "M28"), List.of(), List.of(), List.of()));
        refused(new AlmaSide(List.of(), List.of("6543", "6543"), List.of(), List.of()));
    }

    @Test
    void aRoleWithoutItsTypeOrScopeIsRefused() {
        refused(new AlmaSide(List.of(), List.of(), List.of(new AlmaRole(" ", "01HVD_INST", List.of())), List.of()));
        refused(new AlmaSide(List.of(), List.of(), List.of(), List.of(new AlmaRole("51", null, List.of()))));
    }

    @Test
    void aParameterWithoutItsTypeOrValueIsRefused() {
        refused(new AlmaSide(
                List.of(),
                List.of(),
                List.of(new AlmaRole("51", "01HVD_INST", List.of(new AlmaRole.Parameter("JobCategory", null, "")))),
                List.of()));
    }

    @Test
    void aRoleListedTwiceForOneEnvironmentIsRefused() {
        refused(new AlmaSide(List.of(), List.of(), List.of(OPERATOR, OPERATOR), List.of()));
    }

    private void refused(AlmaSide side) {
        fixture.given(REGISTERED)
                .when(new SetJobAlmaSide(CHANGE_ITEMS, side, ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }
}
