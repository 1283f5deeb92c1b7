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
import org.signoff.catalog.api.ChangeJob;
import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRetired;
import org.signoff.catalog.api.RegisterJob;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.catalog.api.RetireJob;
import org.signoff.common.Rejection;

class JobTest {

    private static final JobId WITHDRAWALS = JobId.of("batch-item-withdrawals");
    private static final JobDefinition DEFINITION =
            new JobDefinition("Items", "Batch item withdrawals", null, List.of(OVERVIEW), List.of(), false, false);

    private FixtureConfiguration<Job> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Job.class);
        fixture.registerInjectableResource(new Lookups());
    }

    @Test
    void systemsLibrarianRegistersAJob() {
        fixture.givenNoPriorActivity()
                .when(new RegisterJob(WITHDRAWALS, DEFINITION, LIBRARIAN))
                .expectEvents(new JobRegistered(WITHDRAWALS, DEFINITION, LIBRARIAN));
    }

    @Test
    void staffCannotRegisterJobs() {
        fixture.givenNoPriorActivity()
                .when(new RegisterJob(WITHDRAWALS, DEFINITION, AMY))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aDocumentRequiredTwiceIsRefused() {
        JobDefinition twice = new JobDefinition(
                "Items",
                "x",
                null,
                List.of(OVERVIEW, new RequiredReading(OVERVIEW.documentId(), "again", "2")),
                List.of(),
                false,
                false);
        fixture.givenNoPriorActivity()
                .when(new RegisterJob(WITHDRAWALS, twice, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void variantsBelongOnlyToJobsSignedOffPerVariant() {
        JobDefinition confused = new JobDefinition("Items", "x", null, List.of(), List.of("a"), false, false);
        fixture.givenNoPriorActivity()
                .when(new RegisterJob(WITHDRAWALS, confused, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.INVALID_DEFINITION));
    }

    @Test
    void aNewVersionOfTheDocumentationChangesTheJob() {
        JobDefinition newer = new JobDefinition(
                "Items",
                "Batch item withdrawals",
                "mind the input file",
                List.of(new RequiredReading("jobs-overview", "Jobs overview", "2")),
                List.of(),
                false,
                false);
        fixture.given(new JobRegistered(WITHDRAWALS, DEFINITION, LIBRARIAN))
                .when(new ChangeJob(WITHDRAWALS, newer, ADMIN))
                .expectEvents(new JobChanged(WITHDRAWALS, newer, ADMIN));
    }

    @Test
    void aJobIsRetiredOnce() {
        fixture.given(new JobRegistered(WITHDRAWALS, DEFINITION, LIBRARIAN))
                .when(new RetireJob(WITHDRAWALS, "replaced", LIBRARIAN))
                .expectEvents(new JobRetired(WITHDRAWALS, "replaced", LIBRARIAN));
        fixture.given(
                        new JobRegistered(WITHDRAWALS, DEFINITION, LIBRARIAN),
                        new JobRetired(WITHDRAWALS, "replaced", LIBRARIAN))
                .when(new RetireJob(WITHDRAWALS, "again", LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.ALREADY_RETIRED));
    }

    @Test
    void aRetiredJobDoesNotChange() {
        fixture.given(
                        new JobRegistered(WITHDRAWALS, DEFINITION, LIBRARIAN),
                        new JobRetired(WITHDRAWALS, "replaced", LIBRARIAN))
                .when(new ChangeJob(WITHDRAWALS, DEFINITION, LIBRARIAN))
                .expectNoEvents()
                .expectException(rejectedAs(Rejection.JOB_RETIRED));
    }
}
