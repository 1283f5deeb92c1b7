package org.signoff.projections.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.catalog.api.AlmaSide;
import org.signoff.catalog.api.JobAlmaSideSet;
import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRetired;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.projections.ReadModelDatabase;
import org.signoff.projections.catalog.api.FindJobQuery;
import org.signoff.projections.catalog.api.JobView;
import org.signoff.projections.catalog.api.ListJobsQuery;
import org.signoff.staff.api.StaffId;

/** The job catalog as dashboards and the page read it, fed events by hand, over a real database. */
class CatalogProjectionTest {

    private static final org.signoff.common.InstitutionScope DEFAULT_INSTITUTION =
            new org.signoff.common.InstitutionScope(org.signoff.common.InstitutionCode.of("DEFAULT"), true);

    private static final StaffId LIBRARIAN = StaffId.of("lib");

    private CatalogProjection catalog;

    @BeforeEach
    void setUp() {
        catalog = new CatalogProjection(ReadModelDatabase.create());
    }

    @Test
    void aRegisteredJobReadsBackWithItsWholeDefinition() {
        register("change-physical-items", definition("Items", "Change physical items", "1"));

        JobView job = catalog.handle(new FindJobQuery("change-physical-items")).orElseThrow();
        assertThat(job.scope()).isEqualTo("Items");
        assertThat(job.name()).isEqualTo("Change physical items");
        assertThat(job.notes()).isEqualTo("Run on a set, never on the whole catalog");
        assertThat(job.requiredReadings())
                .containsExactly(
                        new RequiredReading("jobs-overview", "Jobs overview", "1"),
                        new RequiredReading("change-physical-items-doc", "Change physical items", "1"));
        assertThat(job.variants()).containsExactly("by barcode", "by set");
        assertThat(job.signOffPerVariant()).isTrue();
        assertThat(job.roleUpdateUsuallyNeeded()).isTrue();
        assertThat(job.signOffValidFor()).isEqualTo(Duration.ofDays(365));
        assertThat(job.retired()).isFalse();
        assertThat(catalog.handle(new FindJobQuery("no-such-job"))).isEmpty();
    }

    @Test
    void aChangedJobShowsItsNewDefinitionInItsOldPlace() {
        register("a-job", definition("Items", "A job", "1"));
        register("b-job", definition("Items", "B job", "1"));
        catalog.on(new JobChanged(JobId.of("a-job"), definition("Bibs", "A job, renamed", "2"), LIBRARIAN));

        JobView changed = catalog.handle(new FindJobQuery("a-job")).orElseThrow();
        assertThat(changed.scope()).isEqualTo("Bibs");
        assertThat(changed.name()).isEqualTo("A job, renamed");
        assertThat(changed.requiredReadings())
                .extracting(RequiredReading::version)
                .containsOnly("2");
        assertThat(ids(catalog.handle(new ListJobsQuery(DEFAULT_INSTITUTION, false))))
                .containsExactly("a-job", "b-job");
    }

    @Test
    void theListIsInTheOrderJobsWereRegisteredPagedAndWithoutRetiredOnesUnlessAsked() {
        for (String id : List.of("c-job", "a-job", "b-job", "d-job")) {
            register(id, definition("Items", id, "1"));
        }
        catalog.on(new JobRetired(JobId.of("b-job"), "replaced", LIBRARIAN));

        assertThat(ids(catalog.handle(new ListJobsQuery(DEFAULT_INSTITUTION, false))))
                .containsExactly("c-job", "a-job", "d-job");
        assertThat(ids(catalog.handle(new ListJobsQuery(DEFAULT_INSTITUTION, true))))
                .containsExactly("c-job", "a-job", "b-job", "d-job");
        assertThat(ids(catalog.handle(new ListJobsQuery(DEFAULT_INSTITUTION, true, null, 2))))
                .containsExactly("c-job", "a-job");
        assertThat(ids(catalog.handle(new ListJobsQuery(DEFAULT_INSTITUTION, true, "a-job", 2))))
                .containsExactly("b-job", "d-job");
        assertThat(catalog.handle(new FindJobQuery("b-job")).orElseThrow().retired())
                .as("a retired job is still found by its id")
                .isTrue();
    }

    @Test
    void aJobShowsItsAlmaSideOnceSetAndAnEmptyOneBefore() {
        register("change-physical-items", definition("Items", "Change physical items", "1"));
        assertThat(catalog.handle(new FindJobQuery("change-physical-items"))
                        .orElseThrow()
                        .almaSide())
                .isEqualTo(AlmaSide.NONE);

        AlmaSide side = new AlmaSide(
                List.of("M28"),
                List.of("6543"),
                List.of(new AlmaRole("51", "01HVD_INST", List.of())),
                List.of(new AlmaRole(
                        "51",
                        "01HVD_INST",
                        List.of(new AlmaRole.Parameter("JobCategory", null, "PHYSICAL_INVENTORY")))));
        catalog.on(new JobAlmaSideSet(JobId.of("change-physical-items"), side, LIBRARIAN));

        assertThat(catalog.handle(new FindJobQuery("change-physical-items"))
                        .orElseThrow()
                        .almaSide())
                .isEqualTo(side);
        assertThat(catalog.handle(new ListJobsQuery(DEFAULT_INSTITUTION, false))
                        .get(0)
                        .almaSide())
                .isEqualTo(side);
    }

    @Test
    void aResetEmptiesTheCatalogForARebuildFromTheEvents() {
        register("a-job", definition("Items", "A job", "1"));
        catalog.reset();
        assertThat(catalog.handle(new ListJobsQuery(DEFAULT_INSTITUTION, true))).isEmpty();

        register("a-job", definition("Items", "A job", "1"));
        assertThat(ids(catalog.handle(new ListJobsQuery(DEFAULT_INSTITUTION, false))))
                .containsExactly("a-job");
    }

    private void register(String id, JobDefinition definition) {
        catalog.on(new JobRegistered(JobId.of(id), definition, LIBRARIAN));
    }

    private static JobDefinition definition(String scope, String name, String version) {
        return new JobDefinition(
                scope,
                name,
                "Run on a set, never on the whole catalog",
                List.of(
                        new RequiredReading("jobs-overview", "Jobs overview", version),
                        new RequiredReading("change-physical-items-doc", "Change physical items", version)),
                List.of("by barcode", "by set"),
                true,
                true,
                Duration.ofDays(365));
    }

    private static List<String> ids(List<JobView> jobs) {
        return jobs.stream().map(JobView::jobId).toList();
    }
}
