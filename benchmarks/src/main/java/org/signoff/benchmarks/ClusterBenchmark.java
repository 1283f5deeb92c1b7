package org.signoff.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;

/**
 * Sign-off flows over HTTP against several engine nodes on one PostgreSQL (or one node on its H2 file, {@code
 * --database=h2}: the service alone in its own process, as users run it), as a load balancer would spread them:
 * each command to a node picked at random, and when that node does not answer (killed, restarting) the same request,
 * with the same {@code Idempotency-Key}, to another. Either starts the nodes itself ({@code --nodes=N}: an embedded
 * PostgreSQL and N JVMs of the packaged service, on loopback), or drives nodes already running ({@code --urls=...}
 * with {@code --admin-key=...}, e.g. the containers of {@code docker/compose.yaml}). After the run it checks what an
 * integration was told: every flow acknowledged is complete, each step once, and on the master list.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar cluster --nodes=3 --flows=1000 --threads=64
 * MALLOC_ARENA_MAX=2 java -jar benchmarks/target/benchmarks.jar cluster --database=h2 --nodes=1 \
 *     --node-java-opts="-Xms192m -Xmx192m -XX:+UseParallelGC" --flows=2000 --threads=64 --warmup=12000
 * java -jar benchmarks/target/benchmarks.jar cluster --urls=http://localhost:8080 \
 *     --admin-key=initial-admin.SECRET --flows=300 --threads=16
 * </pre>
 */
final class ClusterBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMMANDS_PER_FLOW = 8;
    private static final int EVENTS_PER_FLOW = 8;
    /** A node not ready (503), or a load balancer's answer for a node gone (502, 504): the request goes again. */
    private static final Set<Integer> NO_NODE_ANSWERED = Set.of(502, 503, 504);
    /** What the engine adds to a ticket's history besides the steps taken. */
    private static final List<String> NOT_STEPS = List.of("DeadlinesScheduled", "ReminderIssued");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> nodes;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, LongAdder> answeredBy = new ConcurrentHashMap<>();
    private final LongAdder failovers = new LongAdder();
    /** The requester of the flow whose last command was answered last. */
    private final AtomicReference<String> lastAnswered = new AtomicReference<>();

    private final boolean byTicket;
    private String key;

    private ClusterBenchmark(List<String> nodes, boolean byTicket) {
        this.nodes = nodes;
        this.byTicket = byTicket;
    }

    static void run(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger("io.zonky"))
                .setLevel(Level.WARN); // the embedded server's start-up, line by line
        int flows = FlowBenchmark.intArg(args, "--flows=", 1000);
        int threads = FlowBenchmark.intArg(args, "--threads=", 64);
        int warmup = FlowBenchmark.intArg(args, "--warmup=", 200);
        Optional<String> urls = FlowBenchmark.stringArg(args, "--urls=");
        if (urls.isPresent()) {
            String adminKey = FlowBenchmark.stringArg(args, "--admin-key=")
                    .orElseThrow(() -> new IllegalArgumentException("--urls needs --admin-key"));
            new ClusterBenchmark(List.of(urls.get().split(",")), byTicket(args))
                    .measureAndCheck(adminKey, flows, threads, warmup, List.of());
            return;
        }
        int count = FlowBenchmark.intArg(args, "--nodes=", 3);
        boolean h2 = FlowBenchmark.stringArg(args, "--database=")
                .orElse("postgresql")
                .equals("h2");
        if (h2 && count != 1) {
            throw new IllegalArgumentException("an H2 file is one process's: --database=h2 runs --nodes=1");
        }
        Path dir = Files.createTempDirectory("approval-cluster-bench");
        try {
            if (h2) {
                startNodesAndMeasure(args, count, dir, Optional.empty(), flows, threads, warmup);
                return;
            }
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("postgres"))
                    .setCleanDataDirectory(true)
                    .start()) {
                startNodesAndMeasure(
                        args,
                        count,
                        dir,
                        Optional.of(postgres.getJdbcUrl("postgres", "postgres")),
                        flows,
                        threads,
                        warmup);
            }
        } finally {
            FlowBenchmark.deleteRecursively(dir);
        }
    }

    /** Starts the nodes as users run the packaged service ({@link PackagedService}), measures, then stops them. */
    private static void startNodesAndMeasure(
            String[] args, int count, Path dir, Optional<String> datasourceUrl, int flows, int threads, int warmup)
            throws Exception {
        try (PackagedService service = PackagedService.start(args, count, dir, datasourceUrl)) {
            System.out.printf("%nnodes: %s%n", service.describe());
            new ClusterBenchmark(service.bases(), byTicket(args))
                    .measureAndCheck(service.adminKey(), flows, threads, warmup, service.processes());
            service.printResident();
        }
    }

    private void measureAndCheck(String adminKey, int flows, int threads, int warmup, List<Process> processes)
            throws Exception {
        setUp(adminKey);
        System.out.printf(
                "%nSign-off flows over HTTP on %d node(s) (%s), %d flows after %d to warm up, %d client threads, "
                        + "%d commands per flow; this machine has %d cores%n",
                nodes.size(),
                String.join(", ", nodes),
                flows,
                warmup,
                threads,
                COMMANDS_PER_FLOW,
                Runtime.getRuntime().availableProcessors());
        List<String> warm = requesters("w", warmup, threads);
        List<String> measured = requesters("c", flows, threads);
        runFlows(warm, threads);
        answeredBy.clear();
        long cpuBefore = PackagedService.cpuNanos(processes);
        long start = System.nanoTime();
        Latencies latencies = new Latencies();
        List<String> tickets = runFlows(measured, threads, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        // the read models follow in the order of the events: once the flow answered last is on the master list, the
        // others nearly always are too. The whole list (too large to fetch every few ms) confirms it; where it does
        // not, the lag runs until it does
        while (!onMasterList(lastAnswered.get())) {
            Thread.sleep(5);
        }
        double lag = (System.nanoTime() - start) / 1e9 - seconds;
        if (onMasterList() < warmup + flows) {
            do {
                Thread.sleep(20);
            } while (onMasterList() < warmup + flows);
            lag = (System.nanoTime() - start) / 1e9 - seconds;
        }
        double cpuMsPerFlow =
                processes.isEmpty() ? Double.NaN : (PackagedService.cpuNanos(processes) - cpuBefore) / 1e6 / flows;
        Object[] figures = {
            flows / seconds,
            flows * COMMANDS_PER_FLOW / seconds,
            latencies.percentile(50),
            latencies.percentile(99),
            cpuMsPerFlow,
            lag
        };
        System.out.printf(
                Locale.ROOT,
                "%d node(s): %7.1f flows/s, %8.1f commands/s; command p50 %6.1f ms, p99 %7.1f ms; "
                        + "CPU (all nodes) %5.1f ms/flow; master list %5.2f s behind%n",
                Stream.concat(Stream.of(nodes.size()), Arrays.stream(figures)).toArray());
        System.out.printf(
                "answers by node: %s; commands sent again to another node: %d%n", answeredBy, failovers.sum());
        System.out.printf(
                Locale.ROOT,
                "RESULT engine=approval path=http-cluster nodes=%d threads=%d n=%d flows_per_s=%.1f "
                        + "commands_per_s=%.1f p50_ms=%.2f p99_ms=%.2f cpu_ms_per_flow=%.2f master_list_lag_s=%.2f%n",
                Stream.concat(Stream.of(nodes.size(), threads, flows), Arrays.stream(figures))
                        .toArray());
        check(tickets);
    }

    /** Every acknowledged flow is complete with each of its steps once, on whichever node is asked. */
    private void check(List<String> tickets) throws Exception {
        int wrong = 0;
        for (String ticket : tickets) {
            JsonNode view = json(get(ticket));
            for (int wait = 0; wait < 100 && !status(view).equals("COMPLETED"); wait++) {
                Thread.sleep(100); // the node asked may be a moment behind
                view = json(get(ticket));
            }
            List<String> steps = new ArrayList<>();
            view.path("history").forEach(step -> steps.add(step.path("event").asText()));
            steps.removeIf(NOT_STEPS::contains);
            if (!status(view).equals("COMPLETED")
                    || steps.size() != EVENTS_PER_FLOW
                    || steps.stream().distinct().count() != EVENTS_PER_FLOW) {
                wrong++;
                if (wrong <= 5) {
                    System.out.printf("NOT AS ACKNOWLEDGED: %s is %s after %s%n", ticket, status(view), steps);
                }
            }
        }
        System.out.printf(
                "checked: %d of %d acknowledged flows complete, each step once%n",
                tickets.size() - wrong, tickets.size());
        if (wrong > 0) {
            throw new IllegalStateException(wrong + " acknowledged flows are not as acknowledged");
        }
    }

    private static String status(JsonNode view) {
        return view.at("/ticket/status").asText();
    }

    private void setUp(String adminKey) throws Exception {
        key = adminKey;
        for (int wait = 0; get("/staff/admin").statusCode() != 200; wait++) {
            if (wait > 600) { // a node makes the first administrator's key just after it starts answering
                throw new IllegalStateException("the administrator's key is refused: is it the nodes' one?");
            }
            Thread.sleep(100);
        }
        // the administrator's key makes the benchmark's own client, which does the rest
        key = json(send("/api-clients", """
                        {"clientId": "bench-%s", "name": "Cluster benchmark", "actsForAnyone": true,
                         "operations": ["tickets:read", "tickets:write", "readings:write", "master-list:read",
                         "jobs:read", "jobs:write", "staff:read", "staff:write", "training:write"]}""".formatted(suffix))).get("key").asText();
        send("/jobs", """
                {"jobId": "bench-job-%s", "definition": {"scope": "Items", "name": "Benchmark job %s",
                 "requiredReadings": [{"documentId": "bench-doc", "title": "Benchmark job", "version": "1"}],
                 "roleUpdateUsuallyNeeded": true}, "performedBy": "admin"}""".formatted(suffix, suffix));
        register("librarian", "SYSTEMS_LIBRARIAN", "LTS", "[]");
        register("liaison", "LIAISON", "BENCH", "[\"BENCH\"]");
        register("support", "SUPPORT_TEAM", "LTS", "[]");
    }

    private String register(String name, String role, String unit, String liaisonUnits) throws Exception {
        String id = name + "-" + suffix;
        send("/staff", """
                {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": ["%s"], "liaisonUnits": %s,
                 "performedBy": "admin"}""".formatted(id, name, unit, role, liaisonUnits));
        return id;
    }

    /** One requester per flow (a person has one open ticket per job), registered before the clock starts. */
    private List<String> requesters(String prefix, int count, int threads) throws Exception {
        return inParallel(count, threads, i -> {
            String requester = register(prefix + i, "STAFF", "BENCH", "[]");
            for (String classId : FlowBenchmark.CLASSES_OF_EVERY_JOB) {
                send("/staff/" + requester + "/attendance", """
                        {"classId": "%s", "attendedOn": "2026-03-04", "performedBy": "admin"}""".formatted(classId));
            }
            return requester;
        });
    }

    private List<String> runFlows(List<String> requesters, int threads) throws Exception {
        return runFlows(requesters, threads, new Latencies());
    }

    private List<String> runFlows(List<String> requesters, int threads, Latencies latencies) throws Exception {
        return inParallel(requesters.size(), threads, i -> flow(requesters.get(i), latencies));
    }

    /** Results 0 to count-1, each computed on one of the client threads ({@link FlowBenchmark#onClients}). */
    private static List<String> inParallel(int count, int threads, Task task) throws Exception {
        String[] results = new String[count];
        FlowBenchmark.onClients(threads, count, i -> results[i] = task.result(i));
        return Arrays.asList(results);
    }

    @FunctionalInterface
    private interface Task {
        String result(int index) throws Exception;
    }

    /**
     * The whole process with a role update, 8 commands, each to a node picked at random (or all to the flow's own
     * node, with {@code --route=ticket}): the ticket's path.
     */
    private String flow(String requester, Latencies latencies) throws Exception {
        int home = Math.floorMod(requester.hashCode(), nodes.size());
        IntSupplier to = byTicket ? () -> home : this::random;
        SignOffRequests.Request open = SignOffRequests.open("bench-job-" + suffix, requester);
        String ticket = latencies
                .time(() -> send(to.getAsInt(), open.path(), open.body()))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        for (SignOffRequests.Request step : SignOffRequests.steps(
                ticket, requester, "librarian-" + suffix, "liaison-" + suffix, "support-" + suffix)) {
            latencies.time(() -> send(to.getAsInt(), step.path(), step.body()));
        }
        lastAnswered.set(requester);
        return ticket;
    }

    /**
     * A command as an integration behind a load balancer sends it: to the node given; when that node does
     * not answer, or answers 503 (not ready), or a load balancer answers 502 or 504 for a node that went away
     * mid-request, the same request with the same {@code Idempotency-Key} to another (or through the load balancer
     * again). An answer other than a success ends the run.
     */
    private HttpResponse<String> send(String path, String json) throws Exception {
        return send(random(), path, json);
    }

    private int random() {
        return ThreadLocalRandom.current().nextInt(nodes.size());
    }

    private HttpResponse<String> send(int first, String path, String json) throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int node = first;
        while (true) {
            String base = nodes.get(node);
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("X-API-Key", key)
                                .header("Idempotency-Key", idempotencyKey)
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (!NO_NODE_ANSWERED.contains(response.statusCode())) {
                    if (response.statusCode() >= 300) {
                        throw new IllegalStateException("POST " + path + " on " + base + " answered "
                                + response.statusCode() + ": " + response.body());
                    }
                    answeredBy.computeIfAbsent(base, b -> new LongAdder()).increment();
                    return response;
                }
            } catch (IOException noAnswer) {
                // the node is down or went down mid-request: the same request to the next one
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no node answered POST " + path);
            }
            failovers.increment();
            node = (node + 1) % nodes.size();
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        for (int attempt = 0; ; attempt++) {
            String base = nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(30))
                                .header("X-API-Key", key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 || response.statusCode() == 401) {
                    return response;
                }
                if (attempt > 20) {
                    throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
                }
            } catch (IOException noAnswer) {
                if (attempt > 20) {
                    throw noAnswer;
                }
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Whether the master list shows the person for the benchmark's job. */
    private boolean onMasterList(String requester) throws Exception {
        return !json(get("/master-list?jobId=bench-job-" + suffix + "&staffId=" + requester))
                .findValues("staffId")
                .isEmpty();
    }

    /** How many people the master list shows for the benchmark's job. */
    private int onMasterList() throws Exception {
        JsonNode list = json(get("/master-list?jobId=bench-job-" + suffix));
        return list.findValues("staffId").size();
    }

    /** {@code --route=ticket}: every command of a flow to one node, as a load balancer routing by ticket would. */
    private static boolean byTicket(String[] args) {
        return FlowBenchmark.stringArg(args, "--route=").orElse("random").equals("ticket");
    }
}
