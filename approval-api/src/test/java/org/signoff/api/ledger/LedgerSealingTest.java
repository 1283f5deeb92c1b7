package org.signoff.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.ApprovalApplication;
import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.api.testkit.ServiceProcess;
import org.signoff.ledger.VerifyCommand;

/**
 * The sealer keeps the store's global order even when events commit out of it, and the export runs from the
 * command line too, without the service.
 */
class LedgerSealingTest {

    @TempDir
    Path dataDir;

    @Test
    void anEventStillCommittingIsWaitedForAndSealedInItsPlace() throws Exception {
        try (RunningService service = RunningService.start(dataDir, "--approval.ledger.gap-timeout=PT10S")) {
            Scenario scenario = new Scenario(service.api());
            JdbcClient database = service.bean(JdbcClient.class);
            try (Connection slow = service.bean(DataSource.class).getConnection()) {
                slow.setAutoCommit(false);
                probe(slow, "slow-writer");
                // events numbered after the slow one commit first, and the sealer sees them
                accepted(scenario.approve(scenario.ticketAwaitingReview(), scenario.librarian, false));
                Thread.sleep(1000);
                slow.commit();
            }
            long events = database.sql("SELECT COUNT(*) FROM DomainEventEntry")
                    .query(Long.class)
                    .single();
            awaitHead(service.api(), events);

            assertThat(service.api().ledgerIntact())
                    .as("the slow event is in the chain, in its place")
                    .isTrue();
        }
    }

    @Test
    void gapsLeftByRolledBackCommandsArePassedTogetherAfterOneTimeout() throws Exception {
        try (RunningService service = RunningService.start(dataDir, "--approval.ledger.gap-timeout=PT2S")) {
            DataSource dataSource = service.bean(DataSource.class);
            long before =
                    service.api().get("/ledger/head").body().get("position").asLong();
            // six rolled-back appends (as when a command loses a race on several nodes), each followed by an event
            try (Connection writer = dataSource.getConnection()) {
                writer.setAutoCommit(false);
                for (int i = 0; i < 6; i++) {
                    probe(writer, "rolled-back-" + i);
                    writer.rollback();
                    probe(writer, "kept-" + i);
                    writer.commit();
                }
            }
            long events = service.bean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM DomainEventEntry")
                    .query(Long.class)
                    .single();
            assertThat(events).isGreaterThan(before);
            long start = System.nanoTime();
            awaitHead(service.api(), events);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("six gaps of 2 s each, passed together (one after another: 12 s)")
                    .isLessThan(Duration.ofSeconds(8));
            assertThat(service.api().ledgerIntact()).isTrue();
        }
    }

    private static void probe(Connection connection, String id) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry"
                + " (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload,"
                + " payloadType, timeStamp) VALUES (?, 0, 'Probe', ?, NULL, ?, 'org.signoff.test.Probe', ?)")) {
            insert.setString(1, "probe-" + id);
            insert.setString(2, "probe-event-" + id);
            insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setString(4, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    @Test
    void theCommandLineExportOfAStoppedServiceVerifiesAgainstTheHeadItPublished() throws Exception {
        int port = ServiceProcess.freePort();
        Process process = ServiceProcess.launch(dataDir, port);
        String recorded;
        long events;
        try {
            Api api = new Api(port).withKey(RunningService.ADMIN_KEY);
            ServiceProcess.awaitHealthy(api, process);
            Scenario scenario = new Scenario(api);
            accepted(scenario.approve(scenario.ticketAwaitingReview(), scenario.librarian, false));
            events = api.await(
                            "/ledger/verification", body -> body.get("intact").asBoolean())
                    .get("checked")
                    .asLong();
            JsonNode head = awaitHead(api, events);
            recorded = head.get("position").asLong() + ":" + head.get("hash").asText();
        } finally {
            process.destroy(); // as an operator stops it
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        Path export = dataDir.resolve("ledger.jsonl");
        Command exported = run(
                ApprovalApplication.class.getName(),
                "ledger-export",
                "--approval.data-dir=" + dataDir,
                "--out=" + export);
        assertThat(exported.exit()).as(exported.out()).isZero();
        assertThat(Files.readString(export).lines().count()).isGreaterThanOrEqualTo(events + 1);

        Command verified = run(VerifyCommand.class.getName(), export.toString(), "--head=" + recorded);
        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).startsWith("INTACT: ");

        Command elsewhere = run(
                ApprovalApplication.class.getName(),
                "ledger-export",
                "--approval.data-dir=" + dataDir.resolve("nothing-here"),
                "--out=" + dataDir.resolve("none.jsonl"));
        assertThat(elsewhere.exit()).isEqualTo(2);
        assertThat(elsewhere.out()).contains("this database has no ledger");

        Command refused = run(ApprovalApplication.class.getName(), "ledger-export", "--from=yesterday");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).contains("usage: java -jar approval-api.jar ledger-export");
    }

    private static JsonNode awaitHead(Api api, long position) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode head = null;
        while (System.nanoTime() < deadline) {
            head = api.get("/ledger/head").body();
            if (head.get("position").asLong() >= position) {
                return head;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the sealer never sealed all " + position + " events; head " + head);
    }

    /** A program of this build in a JVM of its own, as an operator or auditor runs it. */
    private static Command run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Command(process.exitValue(), out);
    }

    private record Command(int exit, String out) {}
}
