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
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRequiredClassesSet;
import org.signoff.catalog.api.JobRetired;
import org.signoff.catalog.api.RegisterTrainingClass;
import org.signoff.catalog.api.SetJobRequiredClasses;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.common.Rejection;

/**
 * The training classes of the catalog and what a job requires of them: a systems librarian or an administrator
 * registers a class and says which classes a job requires; a class without a title, a class the catalog does not have,
 * a class named twice for one job or a retired job is refused, the same requirements again record nothing.
 */
class TrainingClassTest {

    private static final TrainingClassId HOLDINGS = TrainingClassId.of("holdings-and-items");
    private static final TrainingClassId WORK_ORDERS = TrainingClassId.of("work-orders");
    private static final JobId CHANGE_ITEMS = JobId.of("change-physical-items");
    private static final JobRegistered REGISTERED = new JobRegistered(
            CHANGE_ITEMS,
            new JobDefinition("Items", "Change physical items", null, List.of(OVERVIEW), List.of(), false, true),
            LIBRARIAN);

    private FixtureConfiguration<TrainingClass> classes;
    private FixtureConfiguration<Job> jobs;

    @BeforeEach
    void setUp() {
        classes = new AggregateTestFixture<>(TrainingClass.class);
        classes.registerInjectableResource(new Lookups());
        jobs = new AggregateTestFixture<>(Job.class);
        jobs.registerInjectableResource(new Lookups()
                .trainingClass(HOLDINGS, "Holdings & Items", false)
                .trainingClass(WORK_ORDERS, "Work Orders", false));
    }

    @Test
    void aSystemsLibrarianRegistersAClassEveryJobRequires() {
        classes.givenNoPriorActivity()
                .when(new RegisterTrainingClass(
                        HOLDINGS, "Holdings & Items", "Cross-Functional Topics", true, LIBRARIAN))
                .expectEvents(new TrainingClassRegistered(
                        HOLDINGS, "Holdings & Items", "Cross-Functional Topics", true, LIBRARIAN));
    }

    @Test
    void aClassWithoutATitleIsRefused() {
        classes.givenNoPriorActivity()
                .when(new RegisterTrainingClass(HOLDINGS, " ", "Cross-Functional Topics", false, ADMIN))
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void aRequesterMayNotRegisterAClass() {
        classes.givenNoPriorActivity()
                .when(new RegisterTrainingClass(HOLDINGS, "Holdings & Items", "Cross-Functional Topics", false, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void anAdministratorSaysWhichClassesAJobRequires() {
        jobs.given(REGISTERED)
                .when(new SetJobRequiredClasses(CHANGE_ITEMS, List.of(HOLDINGS, WORK_ORDERS), ADMIN))
                .expectEvents(new JobRequiredClassesSet(CHANGE_ITEMS, List.of(HOLDINGS, WORK_ORDERS), ADMIN));
    }

    @Test
    void theSameClassesAgainRecordNothing() {
        jobs.given(REGISTERED, new JobRequiredClassesSet(CHANGE_ITEMS, List.of(HOLDINGS), ADMIN))
                .when(new SetJobRequiredClasses(CHANGE_ITEMS, List.of(HOLDINGS), LIBRARIAN))
                .expectNoEvents();
    }

    @Test
    void aClassNamedTwiceForOneJobIsRefused() {
        jobs.given(REGISTERED)
                .when(new SetJobRequiredClasses(CHANGE_ITEMS, List.of(HOLDINGS, HOLDINGS), ADMIN))
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void aClassTheCatalogDoesNotHaveIsRefused() {
        jobs.given(REGISTERED)
                .when(new SetJobRequiredClasses(CHANGE_ITEMS, List.of(HOLDINGS, TrainingClassId.of("juggling")), ADMIN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.UNKNOWN_TRAINING_CLASS));
    }

    @Test
    void aRetiredJobTakesNoNewRequirements() {
        jobs.given(REGISTERED, new JobRetired(CHANGE_ITEMS, "gone", ADMIN))
                .when(new SetJobRequiredClasses(CHANGE_ITEMS, List.of(HOLDINGS), ADMIN))
                .expectException(rejectedAs(Rejection.JOB_RETIRED));
    }
}
