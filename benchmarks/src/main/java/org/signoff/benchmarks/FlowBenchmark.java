package org.signoff.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.ApprovalApplication;
import org.signoff.api.ids.TimeOrderedIds;
import org.signoff.api.lookup.CredentialStore;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RegisterJob;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;
import org.signoff.client.api.RegisterApiClient;
import org.signoff.staff.api.RegisterStaffMember;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.ApproveProductionUse;
import org.signoff.ticket.api.ConfirmProductionRoleUpdate;
import org.signoff.ticket.api.ConfirmReading;
import org.signoff.ticket.api.GrantSandboxAccess;
import org.signoff.ticket.api.ReportSandboxTest;
import org.signoff.ticket.api.RequestJobAccess;
import org.signoff.ticket.api.StartSignOff;
import org.signoff.ticket.api.SubmitRoleRequest;
import org.signoff.ticket.api.TestOutcome;
import org.signoff.ticket.api.TicketId;

/**
 * Throughput of complete sign-off flows on the durable embedded store: N flows through the command bus, then N over
 * HTTP, each flow the whole process (open, one reading, request, Sandbox grant, test report, approval with a role
 * update, role request, role update: 8 commands, 8 events). Starts the real service on a fresh H2 file.
 *
 * <pre>mvn -B -ntp -q package -DskipTests && java -jar benchmarks/target/benchmarks.jar --flows=2000 --threads=2</pre>
 */
public final class FlowBenchmark {

    private static final int COMMANDS_PER_FLOW = 8;
    private static final JobId JOB = JobId.of("bench-job");
    private static final StaffId ADMIN = StaffId.of("admin");
    private static final StaffId LIBRARIAN = StaffId.of("bench-librarian");
    private static final StaffId LIAISON = StaffId.of("bench-liaison");
    private static final StaffId SUPPORT = StaffId.of("bench-support");

    private final int flows;
    private final int threads;
    private final boolean http;

    private FlowBenchmark(int flows, int threads, boolean http) {
        this.flows = flows;
        this.threads = threads;
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        int flows = intArg(args, "--flows=", 2000);
        int threads = intArg(args, "--threads=", 2);
        Path dataDir = Files.createTempDirectory("approval-bench");
        List<String> springArgs = new ArrayList<>(
                List.of("--server.port=0", "--approval.data-dir=" + dataDir, "--logging.level.root=WARN"));
        Stream.of(args)
                .filter(arg ->
                        arg.startsWith("--spring.") || arg.startsWith("--axon.") || arg.startsWith("--approval."))
                .forEach(springArgs::add); // e.g. another datasource
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(ApprovalApplication.class).run(springArgs.toArray(String[]::new));
        try {
            new FlowBenchmark(flows, threads, !List.of(args).contains("--no-http")).run(context);
        } finally {
            context.close();
            deleteRecursively(dataDir);
        }
        System.exit(0); // Axon's janitor thread is not a daemon and outlives the context
    }

    private void run(ConfigurableApplicationContext context) throws Exception {
        CommandGateway commands = context.getBean(CommandGateway.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        setUp(commands);

        System.out.printf(
                "%nSign-off flows on durable H2 (WRITE_DELAY=0), %d flows per run, %d client threads, "
                        + "%d commands per flow, %d cores%n",
                flows, threads, COMMANDS_PER_FLOW, Runtime.getRuntime().availableProcessors());
        // a short warm-up of each path, not counted
        measure("warm-up (bus)", requesters(commands, "w", 200), staff -> busFlow(commands, staff), jdbc, false);
        measure("command bus", requesters(commands, "b", flows), staff -> busFlow(commands, staff), jdbc, true);
        if (http) {
            HttpFlows client = new HttpFlows(port);
            measure("warm-up (http)", requesters(commands, "v", 200), client::flow, jdbc, false);
            measure("HTTP", requesters(commands, "h", flows), client::flow, jdbc, true);
        }

        RawJdbcBaseline.run(flows, threads, COMMANDS_PER_FLOW);

        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                "heap used after GC: %d MiB (max %d MiB)%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    private void measure(String name, List<StaffId> requesters, Flow flow, JdbcClient jdbc, boolean report)
            throws Exception {
        long approvedBefore = approved(jdbc);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requesters.size(); i = next.getAndIncrement()) {
                    flow.run(requesters.get(i));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        // the read models follow in their own processors: how long until the master list shows every flow
        while (approved(jdbc) < approvedBefore + requesters.size()) {
            Thread.sleep(5);
        }
        double caughtUp = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.out.printf(
                    "%-12s %6d flows in %6.2f s: %7.1f flows/s, %8.1f commands/s; "
                            + "master list caught up after %6.2f s%n",
                    name,
                    requesters.size(),
                    seconds,
                    requesters.size() / seconds,
                    requesters.size() * COMMANDS_PER_FLOW / seconds,
                    caughtUp);
        }
    }

    private static long approved(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM projection_master_list")
                .query(Long.class)
                .single();
    }

    /** The integration the HTTP flows are sent as: every request is authenticated, as in production. */
    private static final ClientId CLIENT = ClientId.of("bench-integration");

    private static final String SECRET = CredentialStore.newSecret();

    private static void setUp(CommandGateway commands) {
        commands.sendAndWait(new RegisterApiClient(
                CLIENT,
                "Benchmark",
                null,
                EnumSet.allOf(Operation.class),
                true,
                Set.of(),
                CredentialStore.hash(SECRET),
                ADMIN));
        commands.sendAndWait(new RegisterStaffMember(
                LIBRARIAN, "Bench Librarian", "LTS", Set.of(Role.SYSTEMS_LIBRARIAN), Set.of(), ADMIN));
        commands.sendAndWait(new RegisterStaffMember(
                LIAISON, "Bench Liaison", "BENCH", Set.of(Role.LIAISON), Set.of("BENCH"), ADMIN));
        commands.sendAndWait(
                new RegisterStaffMember(SUPPORT, "Bench Support", "LTS", Set.of(Role.SUPPORT_TEAM), Set.of(), ADMIN));
        commands.sendAndWait(new RegisterJob(
                JOB,
                new JobDefinition(
                        "Items",
                        "Benchmark job",
                        null,
                        List.of(new RequiredReading("bench-doc", "Benchmark job documentation", "1")),
                        List.of(),
                        false,
                        true),
                LIBRARIAN));
    }

    /** One requester per flow: a person has one open ticket per job. Registered before the clock starts. */
    private static List<StaffId> requesters(CommandGateway commands, String prefix, int count) {
        List<StaffId> staff = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StaffId id = StaffId.of(prefix + i);
            commands.sendAndWait(
                    new RegisterStaffMember(id, "Requester " + i, "BENCH", Set.of(Role.STAFF), Set.of(), ADMIN));
            staff.add(id);
        }
        return staff;
    }

    private static void busFlow(CommandGateway commands, StaffId requester) {
        TicketId ticket = TicketId.of(TimeOrderedIds.next());
        commands.sendAndWait(new StartSignOff(ticket, JOB, null, requester));
        commands.sendAndWait(new ConfirmReading(ticket, "bench-doc", "1", requester));
        commands.sendAndWait(new RequestJobAccess(ticket, "LTS-" + ticket, null, requester));
        commands.sendAndWait(new GrantSandboxAccess(ticket, List.of("training"), LIBRARIAN));
        commands.sendAndWait(new ReportSandboxTest(ticket, "job-1", 10, TestOutcome.SUCCEEDED, null, requester));
        commands.sendAndWait(new ApproveProductionUse(ticket, true, null, LIBRARIAN));
        commands.sendAndWait(new SubmitRoleRequest(ticket, "FORM-1", LIAISON));
        commands.sendAndWait(new ConfirmProductionRoleUpdate(ticket, null, SUPPORT));
    }

    @FunctionalInterface
    private interface Flow {
        void run(StaffId requester) throws Exception;
    }

    /** The same flow as an integration sends it. */
    private static final class HttpFlows {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        HttpFlows(int port) {
            this.base = "http://localhost:" + port;
        }

        void flow(StaffId requester) throws IOException, InterruptedException {
            HttpResponse<String> opened =
                    post("/tickets", "{\"jobId\":\"bench-job\",\"performedBy\":\"%s\"}".formatted(requester), 201);
            String location = opened.headers().firstValue("Location").orElseThrow();
            post(
                    location + "/readings",
                    "{\"documentId\":\"bench-doc\",\"version\":\"1\",\"performedBy\":\"%s\"}".formatted(requester),
                    200);
            post(
                    location + "/request",
                    "{\"supportTicketRef\":\"LTS-%s\",\"performedBy\":\"%s\"}".formatted(location, requester),
                    200);
            post(
                    location + "/sandbox-grant",
                    "{\"trainingMaterials\":[\"training\"],\"performedBy\":\"%s\"}".formatted(LIBRARIAN),
                    200);
            post(
                    location + "/sandbox-test",
                    ("{\"jobInstanceRef\":\"job-1\",\"recordsProcessed\":10,"
                                    + "\"outcome\":\"SUCCEEDED\",\"performedBy\":\"%s\"}")
                            .formatted(requester),
                    200);
            post(
                    location + "/approval",
                    "{\"roleUpdateNeeded\":true,\"performedBy\":\"%s\"}".formatted(LIBRARIAN),
                    200);
            post(location + "/role-request", "{\"formRef\":\"FORM-1\",\"performedBy\":\"%s\"}".formatted(LIAISON), 200);
            post(location + "/role-update", "{\"performedBy\":\"%s\"}".formatted(SUPPORT), 200);
        }

        private HttpResponse<String> post(String path, String json, int expected)
                throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .header("X-API-Key", CLIENT + "." + SECRET)
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }
    }

    private static int intArg(String[] args, String prefix, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return Integer.parseInt(arg.substring(prefix.length()));
            }
        }
        return fallback;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
