package org.signoff.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.ReadModels.TABLES;
import static org.signoff.api.testkit.ReadModels.awaitCaughtUp;
import static org.signoff.api.testkit.ReadModels.awaitRebuilt;
import static org.signoff.api.testkit.ReadModels.rebuild;
import static org.signoff.api.testkit.ReadModels.rows;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.RandomHistories;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.ticket.TicketProjection;

/**
 * An operator rebuilds a read model from the event store while the service goes on answering: after a long random
 * history (with a departure and an erasure in it), each read model rebuilt beside the live one and swapped in equals
 * the live one row for row, no read fails meanwhile, and what is written during a rebuild is in the read model after
 * it.
 */
class ReadModelRebuildTest {

    @TempDir
    Path dataDir;

    @Test
    void eachReadModelRebuiltBesideTheLiveOneEqualsItAndReadsNeverFailMeanwhile() throws Exception {
        try (RunningService service = RunningService.start(dataDir)) {
            Scenario scenario = new Scenario(service.api());
            long seed = System.nanoTime();
            List<String> people = RandomHistories.of(scenario, 4, 3, seed);
            String leaver = people.get(2);
            accepted(scenario.admin.post("/staff/" + leaver + "/departure", """
                    {"reason": "moved to another library"}"""));
            accepted(scenario.admin.post("/staff/" + leaver + "/erasure", "{}"));
            JdbcClient jdbc = service.bean(JdbcClient.class);
            awaitCaughtUp(scenario.admin);
            Map<String, List<String>> live = rows(jdbc);
            assertThat(live.get("projection_ticket_history").size())
                    .as("a long history (seed %s)", seed)
                    .isGreaterThan(300);

            // damaged meanwhile, as a read model can be: the rebuild must bring back every row
            jdbc.sql("DELETE FROM projection_master_list WHERE ticket_id IN "
                            + "(SELECT ticket_id FROM projection_master_list FETCH FIRST 5 ROWS ONLY)")
                    .update();
            jdbc.sql("DELETE FROM projection_ticket WHERE ticket_id IN "
                            + "(SELECT ticket_id FROM projection_ticket FETCH FIRST 5 ROWS ONLY)")
                    .update();
            jdbc.sql("DELETE FROM projection_ticket_history WHERE seq > 3").update();
            jdbc.sql("UPDATE projection_job SET name = 'damaged'").update();
            jdbc.sql("UPDATE projection_staff SET unit = 'damaged'").update();

            Readers readers = Readers.start(scenario);
            TABLES.keySet().forEach(readModel -> rebuild(scenario.admin, readModel));
            Map<String, List<String>> rebuilt = rows(jdbc);
            for (String table : live.keySet()) {
                assertThat(rebuilt.get(table))
                        .as("%s rebuilt from the event store (seed %s)", table, seed)
                        .isEqualTo(live.get(table));
            }

            // written to while the tickets and the master list are rebuilt, again and again
            List<String> newcomers = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                newcomers.add(RandomHistories.register(scenario, "newcomer-" + n));
            }
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    RandomHistories.forPeople(scenario, newcomers, 2, seed + 1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int rebuiltWhileWritten = 0;
            while (!writing.isDone()) {
                for (String readModel :
                        List.of(MasterListProjection.PROCESSING_GROUP, TicketProjection.PROCESSING_GROUP)) {
                    assertThat(scenario.admin
                                    .post("/read-models/" + readModel + "/rebuild", "{}")
                                    .status())
                            .isEqualTo(202);
                }
                assertThat(scenario.admin
                                .post("/read-models/" + TicketProjection.PROCESSING_GROUP + "/rebuild", "{}")
                                .code())
                        .as("one rebuild of a read model at a time")
                        .isEqualTo("REBUILD_IN_PROGRESS");
                awaitRebuilt(scenario.admin, MasterListProjection.PROCESSING_GROUP);
                awaitRebuilt(scenario.admin, TicketProjection.PROCESSING_GROUP);
                rebuiltWhileWritten++;
            }
            writing.join();
            List<String> failedReads = readers.stop();
            assertThat(failedReads).as("reads that failed during the rebuilds").isEmpty();
            assertThat(readers.answered.get()).as("reads during the rebuilds").isGreaterThan(20);
            assertThat(rebuiltWhileWritten).isGreaterThan(0);
            awaitCaughtUp(scenario.admin);
            for (String newcomer : newcomers) {
                assertThat(scenario.admin
                                .get("/staff/" + newcomer + "/history")
                                .body()
                                .size())
                        .as("the tickets of %s, opened during the rebuilds", newcomer)
                        .isGreaterThan(0);
            }
            Map<String, List<String>> afterWrites = rows(jdbc);
            rebuild(scenario.admin, MasterListProjection.PROCESSING_GROUP);
            rebuild(scenario.admin, TicketProjection.PROCESSING_GROUP);
            Map<String, List<String>> quietRebuild = rows(jdbc);
            for (String table : afterWrites.keySet()) {
                assertThat(quietRebuild.get(table))
                        .as("%s swapped in while written to, against one rebuilt in quiet (seed %s)", table, seed)
                        .isEqualTo(afterWrites.get(table));
            }
        }
    }

    @Test
    void onlyAnAdministratorRebuildsAndOnlyAReadModelThatExists() {
        RunningService service = RunningService.shared();
        Scenario scenario = new Scenario(service.api());
        assertThat(scenario.admin.post("/read-models/ledger/rebuild", "{}").code())
                .isEqualTo("UNKNOWN_READ_MODEL");
        assertThat(scenario.admin.get("/read-models/ledger").status()).isEqualTo(404);
        JsonNode all = scenario.admin.get("/read-models").body();
        assertThat(all.findValuesAsText("name")).containsExactly("catalog", "master-list", "staff", "tickets");
        assertThat(scenario.api
                        .post("/read-models/tickets/rebuild", """
                        {"performedBy": "%s"}""".formatted(scenario.librarian))
                        .code())
                .as("an integration that may not administer")
                .isEqualTo("ACCESS_DENIED");
    }

    /** Dashboards reading all the while: every answer that is not a 200 is kept. */
    private static final class Readers {

        final AtomicBoolean reading = new AtomicBoolean(true);
        final AtomicInteger answered = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
        final List<CompletableFuture<Void>> running = new ArrayList<>();

        static Readers start(Scenario scenario) {
            Readers readers = new Readers();
            Map<String, Predicate<JsonNode>> reads = new LinkedHashMap<>();
            reads.put("/master-list", body -> !body.findValues("staffId").isEmpty());
            reads.put("/tickets?limit=50", body -> body.size() > 0);
            reads.put("/staff/" + scenario.requester, body -> body.has("unit"));
            reads.put("/staff/" + scenario.requester + "/history", JsonNode::isArray); // damaged above
            reads.put("/jobs", body -> body.size() > 0);
            reads.put(
                    "/master-list?at=" + Instant.now(),
                    body -> !body.findValues("staffId").isEmpty());
            List<Map.Entry<String, Predicate<JsonNode>>> paths = List.copyOf(reads.entrySet());
            for (int n = 0; n < 2; n++) {
                readers.running.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; readers.reading.get(); i++) {
                        Map.Entry<String, Predicate<JsonNode>> read = paths.get(i % paths.size());
                        Api.Response response = scenario.admin.get(read.getKey());
                        if (response.status() != 200 || !read.getValue().test(response.body())) {
                            readers.failed.add(read.getKey() + ": " + response.status() + " " + response.body());
                        }
                        readers.answered.incrementAndGet();
                    }
                }));
            }
            return readers;
        }

        List<String> stop() {
            reading.set(false);
            running.forEach(CompletableFuture::join);
            return List.copyOf(failed);
        }
    }
}
