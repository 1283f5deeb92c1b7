package org.signoff.api.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRequiredClassesSet;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.catalog.api.TrainingClassRegistered;
import org.signoff.lookup.TrainingRecords.ClassEntry;
import org.signoff.staff.api.StaffId;

/**
 * A store written before the training lookups existed holds classes and jobs' requirements in its events only; on the
 * upgrade the command side finds them, the last requirement of a job winning, so a request is refused as it would
 * have been had the lookups always been there.
 */
class TrainingLookupsFromHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StaffId ADMIN = StaffId.of("admin");

    @Test
    void theClassesAndRequirementsOfAnOlderStoreAreLookedUpAfterTheUpgrade() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // the schema of the release before, in the one history it then had
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration/engine", "classpath:db/migration/projections")
                .target("2.38")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("INSERT INTO lookup_job (job_id, definition, retired) VALUES ('change-physical-items', '{}', FALSE)")
                .update();
        JobId job = JobId.of("change-physical-items");
        TrainingClassId introduction = TrainingClassId.of("introduction-to-alma");
        TrainingClassId holdings = TrainingClassId.of("holdings-and-items");
        TrainingClassId workOrders = TrainingClassId.of("work-orders");
        store(jdbc, new TrainingClassRegistered(introduction, "Introduction to Alma", "Overviews", true, ADMIN));
        store(jdbc, new TrainingClassRegistered(holdings, "Holdings & Items", "Cross-Functional", false, ADMIN));
        store(jdbc, new TrainingClassRegistered(workOrders, "Work Orders", "Cross-Functional", false, ADMIN));
        store(jdbc, new JobRequiredClassesSet(job, List.of(workOrders), ADMIN));
        store(jdbc, new JobRequiredClassesSet(job, List.of(holdings), ADMIN));

        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration/engine", "classpath:db/migration/projections")
                .javaMigrations(new TrainingLookupsFromHistory())
                .target("2.39")
                .load()
                .migrate();

        TrainingLookup lookup = new TrainingLookup(jdbc);
        assertThat(lookup.requiredOf(job))
                .containsExactly(
                        new ClassEntry(introduction, "Introduction to Alma"),
                        new ClassEntry(holdings, "Holdings & Items"));
        assertThat(lookup.find(workOrders)).contains(new ClassEntry(workOrders, "Work Orders"));
        assertThat(lookup.requiredOf(JobId.of("another-job")))
                .extracting(ClassEntry::classId)
                .containsExactly(introduction);
    }

    private static int sequence;

    /** An event as Axon's JDBC store keeps it, its payload the JSON Jackson writes. */
    private static void store(JdbcClient jdbc, Object payload) throws Exception {
        jdbc.sql("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload, "
                        + "payloadType, timeStamp) VALUES (?, ?, 'X', ?, ?, ?, '2026-12-01T00:00:00Z')")
                .params(
                        "aggregate-" + sequence,
                        0,
                        UUID.randomUUID().toString(),
                        JSON.writeValueAsBytes(payload),
                        payload.getClass().getName())
                .update();
        sequence++;
    }
}
