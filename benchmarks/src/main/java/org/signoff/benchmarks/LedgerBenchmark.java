package org.signoff.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.ApprovalApplication;
import org.signoff.api.ApprovalProperties;
import org.signoff.api.ids.TimeOrderedIds;
import org.signoff.api.ledger.Ledger;
import org.signoff.api.ledger.LedgerExport;
import org.signoff.common.InstitutionCode;
import org.signoff.ledger.ChainVerifier;
import org.signoff.ledger.LedgerFile;
import org.signoff.ledger.VerifyCommand;
import org.signoff.projections.masterlist.api.FetchMasterListQuery;
import org.signoff.projections.masterlist.api.MasterListView;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.RevokeProductionUse;
import org.signoff.ticket.api.TicketId;

/**
 * The auditor's ledger at scale: a store of a million events (a year of sign-offs, each revoked a month after its
 * approval, copied from a real flow of this engine; the year starts tomorrow, after the catalog registered today), sealed, exported, verified offline and live, and the master list
 * asked as of random instants of that year.
 *
 * <p>Then it starts the packaged service over that store as users start it, in a process of its own ({@link
 * PackagedService}: {@code --jar=}, {@code --node-java-opts=}), and reports how long it took to be healthy: a restart
 * with a million events and nothing to replay.
 *
 * <pre>java -Xmx1g -jar benchmarks/target/benchmarks.jar ledger --events=1000000</pre>
 */
final class LedgerBenchmark {

    private static final org.signoff.common.InstitutionScope DEFAULT_INSTITUTION =
            new org.signoff.common.InstitutionScope(org.signoff.common.InstitutionCode.of("DEFAULT"), true);

    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private LedgerBenchmark() {}

    static void run(String[] args) throws Exception {
        int events = FlowBenchmark.intArg(args, "--events=", 1_000_000);
        Path root = Files.createTempDirectory("approval-ledger-bench");
        Path dataDir = Files.createDirectories(root.resolve("node-1")); // where the packaged service restarts
        String[] service = {"--server.port=0", "--approval.data-dir=" + dataDir, "--logging.level.root=WARN"};
        try {
            List<Row> template;
            try (ConfigurableApplicationContext context =
                    new SpringApplicationBuilder(ApprovalApplication.class).run(service)) {
                template = template(context);
            }
            long copies = events / template.size();
            long started = System.nanoTime();
            // the year of copies follows the catalog and the people, registered just now
            Instant yearStart = Instant.now().plus(Duration.ofDays(1));
            copy(dataDir, template, copies, yearStart);
            System.out.printf(
                    "%nA store of %,d events: %,d sign-offs over a year, each revoked 30 days after approval, %d events"
                            + " each; written in %.1f s%n",
                    copies * template.size(), copies, template.size(), seconds(started));

            try (ConfigurableApplicationContext context =
                    new SpringApplicationBuilder(ApprovalApplication.class).run(service)) {
                measure(context, dataDir, yearStart);
            }
            // this JVM may still hold the H2 file open after the context closed: closed for good, as at a stop
            try (Connection store = store(dataDir);
                    Statement shutdown = store.createStatement()) {
                shutdown.execute("SHUTDOWN");
            }
            try (PackagedService restarted = PackagedService.start(args, 1, root, Optional.empty())) {
                System.out.printf("%nThe packaged service over the same store (%s):%n", restarted.describe());
                restarted.printResident();
            }
        } finally {
            FlowBenchmark.deleteRecursively(root);
        }
    }

    private static void measure(ConfigurableApplicationContext context, Path dataDir, Instant yearStart)
            throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long stored = jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        long last = jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        Ledger ledger = context.getBean(Ledger.class);
        // one institution: its chain holds every event
        InstitutionCode institution =
                context.getBean(ApprovalProperties.class).institution().defaultInstitution();

        long started = System.nanoTime();
        while (ledger.head(institution).position() < stored) {
            Thread.sleep(200);
        }
        double sealing = seconds(started);
        while (!caughtUp(jdbc, last)) {
            Thread.sleep(200);
        }
        System.out.printf(
                "sealed       %,d events in %6.1f s: %,9.0f events/s (beside the read models catching up)%n",
                stored, sealing, stored / sealing);
        System.out.printf("read models  caught up with all of them after %.1f s%n", seconds(started));

        Path export = dataDir.resolve("ledger.jsonl");
        started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export))) {
            context.getBean(LedgerExport.class).write(out, institution, null, null);
        }
        double exporting = seconds(started);
        System.out.printf(
                "exported     %,d events in %6.1f s: %,9.0f events/s, %,d MiB of JSON Lines%n",
                stored, exporting, stored / exporting, Files.size(export) >> 20);

        started = System.nanoTime();
        VerifyCommand.Outcome offline;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(export));
                LedgerFile.Reader reader = new LedgerFile.Reader(in)) {
            offline = VerifyCommand.verify(reader, null);
        }
        double verifying = seconds(started);
        require(offline.verification().intact() && offline.verification().checked() == stored, offline);
        System.out.printf(
                "verified     %,d events in %6.1f s: %,9.0f events/s, offline (the export file)%n",
                stored, verifying, stored / verifying);

        started = System.nanoTime();
        ChainVerifier.Verification live = ledger.verify(institution, null);
        double verifyingLive = seconds(started);
        require(live.intact() && live.checked() == stored, live);
        System.out.printf(
                "verified     %,d events in %6.1f s: %,9.0f events/s, live (the store, GET /ledger/verification)%n",
                stored, verifyingLive, stored / verifyingLive);

        QueryGateway queries = context.getBean(QueryGateway.class);
        Random random = new Random(1);
        double[] millis = new double[200];
        long entries = 0;
        for (int i = -20; i < millis.length; i++) {
            Instant at = yearStart.plusSeconds(random.nextInt(365 * 24 * 3600));
            long t0 = System.nanoTime();
            MasterListView list = queries.query(
                            new FetchMasterListQuery(DEFAULT_INSTITUTION, at),
                            ResponseTypes.instanceOf(MasterListView.class))
                    .join();
            if (i >= 0) {
                millis[i] = (System.nanoTime() - t0) / 1e6;
                entries += list.scopes().stream()
                        .flatMap(scope -> scope.jobs().stream())
                        .mapToLong(job -> job.staff().size())
                        .sum();
            }
        }
        Arrays.sort(millis);
        System.out.printf(
                "master list  as of 200 random instants: p50 %.1f ms, p99 %.1f ms, %,d people listed on average%n",
                millis[100], millis[197], entries / millis.length);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                "heap used after GC: %d MiB (max %d MiB)%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        System.out.printf(
                "RESULT engine=approval ledger events=%d seal_per_s=%.0f export_per_s=%.0f verify_offline_per_s=%.0f"
                        + " verify_live_per_s=%.0f as_of_p50_ms=%.1f as_of_p99_ms=%.1f%n",
                stored,
                stored / sealing,
                stored / exporting,
                stored / verifying,
                stored / verifyingLive,
                millis[100],
                millis[197]);
    }

    /** Two real flows of this engine (one revoked), as stored: the rows every copy is made from. */
    private static List<Row> template(ConfigurableApplicationContext context) {
        CommandGateway commands = context.getBean(CommandGateway.class);
        FlowBenchmark.setUp(commands);
        StaffId requester = StaffId.of("template-requester");
        commands.sendAndWait(new org.signoff.staff.api.RegisterStaffMember(
                requester,
                "Template Requester",
                "BENCH",
                java.util.Set.of(org.signoff.staff.api.Role.STAFF),
                java.util.Set.of(),
                StaffId.of("admin")));
        FlowBenchmark.trained(commands, requester);
        TicketId ticket = TicketId.of(TimeOrderedIds.next());
        FlowBenchmark.flowCommands(ticket, requester).forEach(commands::sendAndWait);
        commands.sendAndWait(new RevokeProductionUse(ticket, "left the unit", FlowBenchmark.LIBRARIAN));
        return context.getBean(JdbcClient.class)
                .sql("SELECT aggregateIdentifier, sequenceNumber, type, metaData, payload, payloadRevision,"
                        + " payloadType, timeStamp FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                        + " ORDER BY sequenceNumber")
                .param(ticket.value())
                .query((rs, n) -> new Row(
                        rs.getLong(2),
                        rs.getString(3),
                        new String(rs.getBytes(4), StandardCharsets.UTF_8)
                                .replace(ticket.value(), "{ticket}")
                                .replace(requester.value(), "{requester}"),
                        new String(rs.getBytes(5), StandardCharsets.UTF_8)
                                .replace(ticket.value(), "{ticket}")
                                .replace(requester.value(), "{requester}"),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }

    private record Row(
            long sequenceNumber,
            String type,
            String metaData,
            String payload,
            String payloadRevision,
            String payloadType) {}

    /** Copies of the template, one after the other over the year, straight into the event store. */
    private static void copy(Path dataDir, List<Row> template, long copies, Instant yearStart) throws Exception {
        long spacing = Duration.ofDays(365).toMillis() / copies;
        try (Connection store = store(dataDir);
                PreparedStatement insert = store.prepareStatement("INSERT INTO DomainEventEntry"
                        + " (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload,"
                        + " payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            store.setAutoCommit(false);
            for (long copy = 0; copy < copies; copy++) {
                String ticket = TimeOrderedIds.next();
                String requester = "r" + (copy % 20_000);
                Instant opened = yearStart.plusMillis(copy * spacing);
                for (int i = 0; i < template.size(); i++) {
                    Row row = template.get(i);
                    boolean revocation = i == template.size() - 1;
                    Instant at = revocation ? opened.plus(Duration.ofDays(30)) : opened.plusMillis(i * 100L);
                    insert.setString(1, ticket);
                    insert.setLong(2, row.sequenceNumber());
                    insert.setString(3, row.type());
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, fill(row.metaData(), ticket, requester));
                    insert.setBytes(6, fill(row.payload(), ticket, requester));
                    insert.setString(7, row.payloadRevision());
                    insert.setString(8, row.payloadType());
                    insert.setString(9, at.toString());
                    insert.addBatch();
                }
                if (copy % 100 == 99) {
                    insert.executeBatch();
                    store.commit();
                }
            }
            insert.executeBatch();
            store.commit();
        }
    }

    private static byte[] fill(String text, String ticket, String requester) {
        return text.replace("{ticket}", ticket)
                .replace("{requester}", requester)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Every processor's position has reached the last event. */
    private static boolean caughtUp(JdbcClient jdbc, long last) {
        List<String> tokens = jdbc.sql("SELECT token FROM TokenEntry")
                .query((rs, n) -> rs.getBytes(1) == null ? "" : new String(rs.getBytes(1), StandardCharsets.UTF_8))
                .list();
        return tokens.stream().allMatch(token -> {
            Matcher index = TOKEN_INDEX.matcher(token);
            return index.find() && Long.parseLong(index.group(1)) >= last;
        });
    }

    private static void require(boolean condition, Object result) {
        if (!condition) {
            throw new IllegalStateException("Unexpected: " + result);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The service's H2 file, opened as the service opens it. */
    private static Connection store(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("approval"), "sa", "");
    }
}
