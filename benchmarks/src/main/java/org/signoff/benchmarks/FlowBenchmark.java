package org.signoff.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
import org.signoff.api.security.CredentialStore;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RegisterJob;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.Operation;
import org.signoff.client.api.RegisterApiClient;
import org.signoff.staff.api.RecordClassAttendance;
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
import org.signoff.ticket.api.TestEvidence;
import org.signoff.ticket.api.TestOutcome;
import org.signoff.ticket.api.TicketId;

/**
 * Throughput of complete sign-off flows on the durable embedded store: N flows through the command bus, then N over
 * HTTP, each flow the whole process (open, one reading, request, Sandbox grant, test report, approval with a role
 * update, role request, role update: 8 commands). Starts the real service on a fresh H2 file. Each path warms up
 * first; each reports flows/s, commands/s, the command latency (p50, p99), the CPU the process spent per flow, and how
 * far the master list was behind when the last command was answered; at the end, heap after GC and the process's
 * resident memory (now and at its peak). One {@code RESULT} line per path is for scripts ({@code compare-peers.sh}).
 * With {@code --query-statistics}, each measured run also lists its costliest SQL statements ({@link QueryStatistics}).
 *
 * <pre>mvn -B -ntp -q package -DskipTests && java -jar benchmarks/target/benchmarks.jar --flows=2000 --threads=64</pre>
 */
public final class FlowBenchmark {

    private static final int COMMANDS_PER_FLOW = 8;
    private static final JobId JOB = JobId.of("bench-job");
    private static final StaffId ADMIN = StaffId.of("admin");
    static final StaffId LIBRARIAN = StaffId.of("bench-librarian");
    private static final StaffId LIAISON = StaffId.of("bench-liaison");
    private static final StaffId SUPPORT = StaffId.of("bench-support");

    private final int flows;
    private final int threads;
    private final int warmup;
    private final boolean bus;
    private final boolean http;
    private final boolean queryStatistics;
    private final boolean httpFloor;

    private FlowBenchmark(
            int flows, int threads, int warmup, boolean bus, boolean http, boolean queryStatistics, boolean httpFloor) {
        this.flows = flows;
        this.threads = threads;
        this.warmup = warmup;
        this.bus = bus;
        this.http = http;
        this.queryStatistics = queryStatistics;
        this.httpFloor = httpFloor;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && List.of("ledger", "cluster", "consortium").contains(args[0])) {
            // a failure ends the run too: threads of an in-process service left running would keep the JVM alive
            int status = 0;
            try {
                if (args[0].equals("ledger")) {
                    LedgerBenchmark.run(args);
                } else if (args[0].equals("cluster")) {
                    ClusterBenchmark.run(args);
                } else {
                    ConsortiumBenchmark.run(args);
                }
            } catch (Exception failed) {
                System.out.println("FAILED: " + failed);
                failed.printStackTrace(System.out);
                status = 1;
            }
            System.exit(status);
        }
        int flows = intArg(args, "--flows=", 2000);
        int threads = intArg(args, "--threads=", 64);
        int warmup = intArg(args, "--warmup=", 500);
        Path dataDir = Files.createTempDirectory("approval-bench");
        List<String> springArgs = new ArrayList<>(
                List.of("--server.port=0", "--approval.data-dir=" + dataDir, "--logging.level.root=WARN"));
        Stream.of(args)
                .filter(arg -> arg.startsWith("--spring.")
                        || arg.startsWith("--axon.")
                        || arg.startsWith("--approval.")
                        || arg.startsWith("--management.")
                        || arg.startsWith("--server."))
                .forEach(springArgs::add); // e.g. another datasource
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(ApprovalApplication.class).run(springArgs.toArray(String[]::new));
        int status = 0;
        try {
            new FlowBenchmark(
                            flows,
                            threads,
                            warmup,
                            !List.of(args).contains("--no-bus"),
                            !List.of(args).contains("--no-http"),
                            List.of(args).contains("--query-statistics"),
                            List.of(args).contains("--http-floor"))
                    .run(context);
        } catch (Exception failed) {
            // a flow that failed ends the run: say which and why, rather than report figures without it
            System.out.println("FAILED: " + failed);
            failed.printStackTrace(System.out);
            status = 1;
        } finally {
            context.close();
            deleteRecursively(dataDir);
        }
        System.exit(status); // the clients' threads and Axon's janitor thread are not daemons
    }

    private void run(ConfigurableApplicationContext context) throws Exception {
        CommandGateway commands = context.getBean(CommandGateway.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        setUp(commands);

        System.out.printf(
                "%nSign-off flows on the store configured (by default the durable H2 file), %d flows per run after "
                        + "%d to warm up, %d client threads, %d commands per flow, %d cores%n",
                flows, warmup, threads, COMMANDS_PER_FLOW, Runtime.getRuntime().availableProcessors());
        if (bus) {
            Flow flow = (staff, latencies) -> busFlow(commands, staff, latencies);
            measure("warm-up (bus)", requesters(commands, "w", warmup), flow, jdbc, null);
            measure("command bus", requesters(commands, "b", flows), flow, jdbc, "bus");
        }
        if (http) {
            HttpFlows client = new HttpFlows(port);
            measure("warm-up (http)", requesters(commands, "v", warmup), client::flow, jdbc, null);
            measure("HTTP", requesters(commands, "h", flows), client::flow, jdbc, "http");
        }
        if (httpFloor) {
            HttpFlows client = new HttpFlows(port);
            floor("warm-up (floor)", client, warmup, false);
            floor("HTTP floor", client, flows, true);
        }

        RawJdbcBaseline.run(flows, threads, COMMANDS_PER_FLOW);

        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                "heap used after GC: %d MiB (max %d MiB); resident: %s MiB, at its peak %s MiB%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                runtime.maxMemory() >> 20,
                residentMiB("self", "VmRSS"),
                residentMiB("self", "VmHWM"));
    }

    /**
     * A process's resident memory from Linux's /proc (VmRSS now, VmHWM at its peak), for {@code self} or a pid; "?"
     * elsewhere.
     */
    static String residentMiB(String process, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", process, "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .map(line -> String.valueOf(Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10))
                    .findFirst()
                    .orElse("?");
        } catch (IOException | RuntimeException notLinux) {
            return "?";
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Runs the flows on the client threads; with a {@code path}, reports them (else it was a warm-up). */
    private void measure(String name, List<StaffId> requesters, Flow flow, JdbcClient jdbc, String path)
            throws Exception {
        long approvedBefore = approved(jdbc);
        if (path != null && queryStatistics) {
            QueryStatistics.restart(jdbc);
        }
        System.out.printf("%s: %d flows...%n", name, requesters.size()); // e.g. to start a profiler on cue
        Latencies latencies = new Latencies();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        onClients(requesters.size(), i -> flow.run(requesters.get(i), latencies));
        double seconds = (System.nanoTime() - start) / 1e9;
        // the read models follow in their own processors: how far behind the master list is at the last answer
        while (approved(jdbc) < approvedBefore + requesters.size()) {
            Thread.sleep(5);
        }
        double lag = (System.nanoTime() - start) / 1e9 - seconds;
        double cpuMsPerFlow = (processCpuNanos() - cpuBefore) / 1e6 / requesters.size();
        if (path != null) {
            int count = requesters.size();
            // the same figures for people (with the run's name and length) and for scripts (with path and clients)
            Object[] figures = {
                count / seconds,
                count * COMMANDS_PER_FLOW / seconds,
                latencies.percentile(50),
                latencies.percentile(99),
                cpuMsPerFlow,
                lag
            };
            System.out.printf("%-12s %6d flows in %6.2f s: ", name, count, seconds);
            System.out.printf(
                    "%7.1f flows/s, %8.1f commands/s; command p50 %6.1f ms, p99 %7.1f ms; CPU %5.1f ms/flow; "
                            + "master list %5.2f s behind%n",
                    figures);
            System.out.printf(
                    java.util.Locale.ROOT, "RESULT engine=approval path=%s threads=%d n=%d ", path, threads, count);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "flows_per_s=%.1f commands_per_s=%.1f p50_ms=%.2f p99_ms=%.2f cpu_ms_per_flow=%.2f "
                            + "master_list_lag_s=%.2f%n",
                    figures);
            if (queryStatistics) {
                QueryStatistics.print(jdbc, count);
            }
        }
    }

    /**
     * What the web layer alone costs: as many authenticated requests as {@code count} flows send (8 each), all of them
     * a cheap read ({@code GET /jobs/{id}}, one row by key), from the same client on the same threads. Its CPU per 8
     * requests is what an HTTP flow spends before any command runs, and its requests/s over 8 the most flows/s HTTP
     * could reach if commands cost nothing.
     */
    private void floor(String name, HttpFlows client, int count, boolean report) throws Exception {
        System.out.printf("%s: %d x %d requests...%n", name, count, COMMANDS_PER_FLOW);
        Latencies latencies = new Latencies();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        onClients(count, i -> {
            for (int request = 0; request < COMMANDS_PER_FLOW; request++) {
                client.get("/jobs/" + JOB, latencies);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            double requests = (double) count * COMMANDS_PER_FLOW;
            double cpuMsPerRequest = (processCpuNanos() - cpuBefore) / 1e6 / requests;
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%-12s %6.0f requests in %6.2f s: %7.1f requests/s (at most %.1f flows/s of %d requests); "
                            + "p50 %6.1f ms, p99 %7.1f ms; CPU %5.2f ms/request, %5.1f ms per %d%n",
                    name,
                    requests,
                    seconds,
                    requests / seconds,
                    requests / seconds / COMMANDS_PER_FLOW,
                    COMMANDS_PER_FLOW,
                    latencies.percentile(50),
                    latencies.percentile(99),
                    cpuMsPerRequest,
                    cpuMsPerRequest * COMMANDS_PER_FLOW,
                    COMMANDS_PER_FLOW);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "RESULT engine=approval path=http-floor threads=%d n=%d requests_per_s=%.1f "
                            + "cpu_ms_per_request=%.3f%n",
                    threads,
                    count,
                    requests / seconds,
                    cpuMsPerRequest);
        }
    }

    /** Runs work 0 to count-1 on the client threads, each thread taking the next until none is left. */
    private void onClients(int count, Work work) throws Exception {
        onClients(threads, count, work);
    }

    /**
     * Runs work 0 to count-1 on {@code threads} threads, each taking the next until none is left; the first failure
     * ends it (and stops the other threads).
     */
    static void onClients(int threads, int count, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Work {
        void run(int index) throws Exception;
    }

    private static long approved(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM projection_master_list")
                .query(Long.class)
                .single();
    }

    /** The integration the HTTP flows are sent as: every request is authenticated, as in production. */
    private static final ClientId CLIENT = ClientId.of("bench-integration");

    private static final String SECRET = CredentialStore.newSecret();

    static void setUp(CommandGateway commands) {
        commands.sendAndWait(new RegisterApiClient(
                CLIENT,
                "Benchmark",
                null,
                EnumSet.complementOf(
                        EnumSet.of(Operation.CLIENTS_WRITE, Operation.CONSORTIUM_WRITE)), // an integration's
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
            trained(commands, id);
            staff.add(id);
        }
        return staff;
    }

    /** The seed's classes every job requires, attended: a request is refused without them. */
    static final List<String> CLASSES_OF_EVERY_JOB = List.of("introduction-to-alma", "search-and-sets");

    static void trained(CommandGateway commands, StaffId requester) {
        for (String classId : CLASSES_OF_EVERY_JOB) {
            commands.sendAndWait(
                    new RecordClassAttendance(requester, TrainingClassId.of(classId), LocalDate.of(2026, 3, 4), ADMIN));
        }
    }

    private static void busFlow(CommandGateway commands, StaffId requester, Latencies latencies) throws Exception {
        for (Object command : flowCommands(TicketId.of(TimeOrderedIds.next()), requester)) {
            latencies.time(() -> commands.sendAndWait(command));
        }
    }

    /** The 8 commands of a flow: the whole process with a role update. */
    static List<Object> flowCommands(TicketId ticket, StaffId requester) {
        return List.of(
                new StartSignOff(ticket, JOB, null, requester),
                new ConfirmReading(ticket, "bench-doc", "1", requester),
                new RequestJobAccess(ticket, "LTS-" + ticket, null, requester),
                new GrantSandboxAccess(ticket, List.of("training"), LIBRARIAN),
                new ReportSandboxTest(
                        ticket, new TestEvidence("job-1", 10, TestOutcome.SUCCEEDED, List.of()), null, requester),
                new ApproveProductionUse(ticket, true, null, LIBRARIAN),
                new SubmitRoleRequest(ticket, "FORM-1", LIAISON),
                new ConfirmProductionRoleUpdate(ticket, null, SUPPORT));
    }

    @FunctionalInterface
    private interface Flow {
        void run(StaffId requester, Latencies latencies) throws Exception;
    }

    /** The same flow as an integration sends it. */
    private static final class HttpFlows {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        HttpFlows(int port) {
            this.base = "http://localhost:" + port;
        }

        void flow(StaffId requester, Latencies latencies) throws Exception {
            HttpResponse<String> opened = post(
                    "/tickets",
                    "{\"jobId\":\"bench-job\",\"performedBy\":\"%s\"}".formatted(requester),
                    201,
                    latencies);
            String location = opened.headers().firstValue("Location").orElseThrow();
            post(
                    location + "/readings",
                    "{\"documentId\":\"bench-doc\",\"version\":\"1\",\"performedBy\":\"%s\"}".formatted(requester),
                    200,
                    latencies);
            post(
                    location + "/request",
                    "{\"supportTicketRef\":\"LTS-%s\",\"performedBy\":\"%s\"}".formatted(location, requester),
                    200,
                    latencies);
            post(
                    location + "/sandbox-grant",
                    "{\"trainingMaterials\":[\"training\"],\"performedBy\":\"%s\"}".formatted(LIBRARIAN),
                    200,
                    latencies);
            post(
                    location + "/sandbox-test",
                    ("{\"jobInstanceRef\":\"job-1\",\"recordsProcessed\":10,"
                                    + "\"outcome\":\"SUCCEEDED\",\"performedBy\":\"%s\"}")
                            .formatted(requester),
                    200,
                    latencies);
            post(
                    location + "/approval",
                    "{\"roleUpdateNeeded\":true,\"performedBy\":\"%s\"}".formatted(LIBRARIAN),
                    200,
                    latencies);
            post(
                    location + "/role-request",
                    "{\"formRef\":\"FORM-1\",\"performedBy\":\"%s\"}".formatted(LIAISON),
                    200,
                    latencies);
            post(location + "/role-update", "{\"performedBy\":\"%s\"}".formatted(SUPPORT), 200, latencies);
        }

        void get(String path, Latencies latencies) throws Exception {
            HttpResponse<String> response = latencies.time(() -> http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("X-API-Key", CLIENT + "." + SECRET)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        }

        private HttpResponse<String> post(String path, String json, int expected, Latencies latencies)
                throws Exception {
            HttpResponse<String> response = latencies.time(() -> http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .header("X-API-Key", CLIENT + "." + SECRET)
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }
    }

    static int intArg(String[] args, String prefix, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return Integer.parseInt(arg.substring(prefix.length()));
            }
        }
        return fallback;
    }

    static Optional<String> stringArg(String[] args, String prefix) {
        return Stream.of(args)
                .filter(arg -> arg.startsWith(prefix))
                .map(arg -> arg.substring(prefix.length()))
                .findFirst();
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
