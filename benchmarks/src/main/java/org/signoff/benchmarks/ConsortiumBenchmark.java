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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One engine serving a consortium: the service alone in its own process on its H2 file ({@link PackagedService}, as
 * {@code cluster --database=h2 --nodes=1} runs it), N member institutions registered by a consortium administrator,
 * each with its own catalog (one job with one reading, and the two classes every job requires, as the seed's), its own
 * integration acting for anyone and S staff of its own (the same ids in every member: ids are each member's own).
 * Sign-off flows over HTTP are then spread evenly over the members, each sent with its member's integration key. It
 * reports how long the set-up took; flows/s, the command latency, the service's CPU per flow and its resident memory,
 * as {@code cluster} does for the service alone; and the answer time of each member's {@code GET /master-list} and
 * {@code GET /statistics} (p50, p99), read by one client once the flows are done ("quiet") and while the second half
 * of the warm-up runs ("under load"). At the end each member's master list holds exactly its own flows.
 *
 * <p>{@code --institutions=1} is the single-institution run to set beside it: the default institution alone, no
 * registry, the same total of staff ({@code --staff=}) and flows.
 *
 * <pre>
 * MALLOC_ARENA_MAX=2 java -jar benchmarks/target/benchmarks.jar consortium --institutions=20 --staff=1000 \
 *     --node-java-opts="-Xms192m -Xmx192m -XX:+UseParallelGC" --flows=2000 --threads=64 --warmup=12000
 * MALLOC_ARENA_MAX=2 java -jar benchmarks/target/benchmarks.jar consortium --institutions=1 --staff=20000 \
 *     --node-java-opts="-Xms192m -Xmx192m -XX:+UseParallelGC" --flows=2000 --threads=64 --warmup=12000
 * </pre>
 */
final class ConsortiumBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMMANDS_PER_FLOW = 8;
    private static final String JOB = "bench-job";
    private static final String LIBRARIAN = "bench-librarian";
    private static final String LIAISON = "bench-liaison";
    private static final String SUPPORT = "bench-support";
    /** The two reads a member's people make most: its whole master list, and its statistics of the last 30 days. */
    private static final List<String> READS = List.of("/master-list", "/statistics");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final int institutionCount;
    private final int staff;
    private final int threads;

    /** One institution as the benchmark acts in it: its code and its integration's key. */
    private record Institution(String code, String key) {}

    /** One read's answer: which of {@link #READS}, whose, how long it took, how many bytes. */
    private record Read(int path, int institution, long nanos, int bytes) {}

    private ConsortiumBenchmark(String base, int institutionCount, int staff, int threads) {
        this.base = base;
        this.institutionCount = institutionCount;
        this.staff = staff;
        this.threads = threads;
    }

    static void run(String[] args) throws Exception {
        int institutions = FlowBenchmark.intArg(args, "--institutions=", 20);
        int staff = FlowBenchmark.intArg(args, "--staff=", 1000);
        int flows = FlowBenchmark.intArg(args, "--flows=", 2000);
        int threads = FlowBenchmark.intArg(args, "--threads=", 64);
        int warmup = FlowBenchmark.intArg(args, "--warmup=", 2000);
        int reads = FlowBenchmark.intArg(args, "--reads=", 300);
        // a person has one open ticket per job: each flow's requester is another member of its institution's staff
        int requestersEach = ceilDiv(warmup + flows, institutions);
        if (requestersEach > staff) {
            throw new IllegalArgumentException("%d flows and %d to warm up over %d institutions need %d staff each: "
                            .formatted(flows, warmup, institutions, requestersEach)
                    + "raise --staff or lower --flows or --warmup");
        }
        Path dir = Files.createTempDirectory("approval-consortium-bench");
        try (PackagedService service = PackagedService.start(args, 1, dir, Optional.empty())) {
            System.out.printf("%nthe service: %s%n", service.describe());
            new ConsortiumBenchmark(service.bases().get(0), institutions, staff, threads)
                    .measure(service, warmup, flows, reads, requestersEach);
        } finally {
            FlowBenchmark.deleteRecursively(dir);
        }
    }

    private void measure(PackagedService service, int warmup, int flows, int reads, int requestersEach)
            throws Exception {
        awaitAdministrator(service.adminKey());
        long start = System.nanoTime();
        List<Institution> institutions = institutions(service.adminKey());
        double registry = seconds(start);
        start = System.nanoTime();
        directory(institutions, requestersEach);
        double directory = seconds(start);
        System.out.printf(
                Locale.ROOT,
                "%nOne engine, %s; %d x %d staff; %d flows after %d to warm up, %d client threads, %d commands per "
                        + "flow, spread evenly over the institutions; this machine has %d cores%n"
                        + "set-up: %s in %.1f s; %d staff (%d of them trained in the two classes every job requires) "
                        + "in %.1f s%n",
                institutionCount == 1
                        ? "the default institution alone"
                        : institutionCount + " member institutions of a consortium",
                institutionCount,
                staff,
                flows,
                warmup,
                threads,
                COMMANDS_PER_FLOW,
                Runtime.getRuntime().availableProcessors(),
                institutionCount == 1
                        ? "the catalog, the integration and its three role holders"
                        : "the consortium administrator, the institutions, each one's catalog, integration and three "
                                + "role holders",
                registry,
                institutionCount * staff,
                institutionCount * requestersEach,
                directory);

        int[] onList = new int[institutionCount];
        // the first half of the warm-up alone; during the second, one client reads as the members' people would
        int firstHalf = warmup / 2;
        runFlows(institutions, 0, firstHalf, new Latencies(), onList, null);
        List<Read> underLoad = readWhile(
                institutions,
                () -> runFlows(institutions, firstHalf, warmup - firstHalf, new Latencies(), onList, null));

        Latencies latencies = new Latencies();
        AtomicReferenceArray<String> lastAnswered = new AtomicReferenceArray<>(institutionCount);
        long cpuBefore = service.cpuNanos();
        start = System.nanoTime();
        runFlows(institutions, warmup, flows, latencies, onList, lastAnswered);
        double seconds = seconds(start);
        // each member's read models follow in the order of its events: once its flow answered last is on its list
        for (int i = 0; i < institutionCount; i++) {
            while (lastAnswered.get(i) != null && !onMasterList(institutions.get(i), lastAnswered.get(i))) {
                if (seconds(start) - seconds > 300) {
                    throw new IllegalStateException(institutions.get(i).code() + "'s master list stays behind");
                }
                Thread.sleep(5);
            }
        }
        double lag = seconds(start) - seconds;
        double cpuMsPerFlow = (service.cpuNanos() - cpuBefore) / 1e6 / flows;

        List<Read> quiet = readRounds(institutions, ceilDiv(reads, institutionCount));
        check(institutions, onList);
        String resident = service.residentMiB(1, "VmRSS");
        String peak = service.residentMiB(1, "VmHWM");

        System.out.printf(
                Locale.ROOT,
                "%n%d institution(s): %7.1f flows/s, %8.1f commands/s; command p50 %6.1f ms, p99 %7.1f ms; "
                        + "the service's CPU %5.1f ms/flow; master lists %5.2f s behind; resident %s MiB, at its "
                        + "peak %s MiB%n",
                institutionCount,
                flows / seconds,
                flows * COMMANDS_PER_FLOW / seconds,
                latencies.percentile(50),
                latencies.percentile(99),
                cpuMsPerFlow,
                lag,
                resident,
                peak);
        System.out.printf("%nan institution's reads, ms | quiet: p50     p99  (n) | under load: p50     p99  (n) | "
                + "slowest institution's quiet p50 | answer, KiB%n");
        StringBuilder result = new StringBuilder();
        for (int r = 0; r < READS.size(); r++) {
            long[] calm = sorted(quiet, r);
            long[] busy = sorted(underLoad, r);
            double slowest = slowestMedian(quiet, r);
            System.out.printf(
                    Locale.ROOT,
                    "GET %-22s | %10.1f %7.1f (%d) | %15.1f %7.1f (%d) | %31.1f | %11.1f%n",
                    READS.get(r),
                    Latencies.percentile(calm, 50),
                    Latencies.percentile(calm, 99),
                    calm.length,
                    Latencies.percentile(busy, 50),
                    Latencies.percentile(busy, 99),
                    busy.length,
                    slowest,
                    meanBytes(quiet, r) / 1024);
            String name = READS.get(r).substring(1).replace('-', '_');
            result.append(String.format(
                    Locale.ROOT,
                    " %1$s_p50_ms=%2$.1f %1$s_p99_ms=%3$.1f %1$s_load_p50_ms=%4$.1f %1$s_load_p99_ms=%5$.1f",
                    name,
                    Latencies.percentile(calm, 50),
                    Latencies.percentile(calm, 99),
                    Latencies.percentile(busy, 50),
                    Latencies.percentile(busy, 99)));
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT engine=approval path=consortium institutions=%d staff_each=%d threads=%d n=%d "
                        + "flows_per_s=%.1f p50_ms=%.2f p99_ms=%.2f cpu_ms_per_flow=%.2f master_list_lag_s=%.2f "
                        + "rss_mib=%s peak_rss_mib=%s setup_s=%.1f%s%n",
                institutionCount,
                staff,
                threads,
                flows,
                flows / seconds,
                latencies.percentile(50),
                latencies.percentile(99),
                cpuMsPerFlow,
                lag,
                resident,
                peak,
                registry + directory,
                result);
    }

    // ---- the set-up

    /** The initial administrator's key works once the service has made it, just after it starts answering. */
    private void awaitAdministrator(String adminKey) throws Exception {
        for (int wait = 0; get(adminKey, "/staff/admin").statusCode() != 200; wait++) {
            if (wait > 600) {
                throw new IllegalStateException("the initial administrator's key is refused");
            }
            Thread.sleep(100);
        }
    }

    /**
     * The institutions the flows run in, each with its catalog, integration and role holders: the default institution
     * alone (its catalog has the seed's classes), or members registered by a consortium administrator, a person of
     * the default institution with the role and a key of their own.
     */
    private List<Institution> institutions(String adminKey) throws Exception {
        if (institutionCount == 1) {
            Institution alone = new Institution("default", integration(adminKey));
            catalog(alone, false);
            return List.of(alone);
        }
        post(adminKey, "/staff", """
                {"staffId": "consortium-office", "displayName": "Consortium Office", "unit": "BLC",
                 "roles": ["CONSORTIUM_ADMIN"], "liaisonUnits": [], "performedBy": "admin"}""");
        String consortium = key(post(adminKey, "/api-clients", """
                {"clientId": "consortium-office-key", "name": "Consortium office", "staffId": "consortium-office",
                 "operations": ["consortium:write", "consortium:read"]}"""));
        Institution[] members = new Institution[institutionCount];
        FlowBenchmark.onClients(Math.min(threads, institutionCount), institutionCount, i -> {
            String code = "BENCH%02d".formatted(i + 1);
            String firstAdministrator = key(post(consortium, "/institutions", """
                    {"code": "%s", "name": "Benchmark library %d",
                     "firstAdministrator": {"staffId": "admin", "displayName": "Administrator", "unit": "LTS"}}""".formatted(code, i + 1)));
            members[i] = new Institution(code, integration(firstAdministrator));
            catalog(members[i], true);
        });
        return List.of(members);
    }

    /** The institution's integration, acting for anyone, made by its administrator: its key. */
    private String integration(String administratorKey) throws Exception {
        return key(post(administratorKey, "/api-clients", """
                {"clientId": "bench-integration", "name": "Consortium benchmark", "actsForAnyone": true,
                 "operations": ["tickets:read", "tickets:write", "readings:write", "master-list:read",
                 "jobs:read", "jobs:write", "staff:read", "staff:write", "training:write"]}"""));
    }

    /**
     * The job and the people who take a flow's other steps; for a member (which starts with an empty catalog) first
     * the two classes every job requires, as the default institution's seed has them, so a flow meets the same rules
     * in every institution.
     */
    private void catalog(Institution institution, boolean member) throws Exception {
        if (member) {
            for (String classId : FlowBenchmark.CLASSES_OF_EVERY_JOB) {
                post(institution.key(), "/training-classes", """
                        {"classId": "%s", "title": "%s", "functionalArea": "Alma Overviews",
                         "requiredOfEveryJob": true, "performedBy": "admin"}""".formatted(classId, classId));
            }
        }
        post(institution.key(), "/jobs", """
                {"jobId": "%s", "definition": {"scope": "Items", "name": "Benchmark job",
                 "requiredReadings": [{"documentId": "bench-doc", "title": "Benchmark job", "version": "1"}],
                 "roleUpdateUsuallyNeeded": true}, "performedBy": "admin"}""".formatted(JOB));
        register(institution, LIBRARIAN, "SYSTEMS_LIBRARIAN", "LTS", "[]");
        register(institution, LIAISON, "LIAISON", "BENCH", "[\"BENCH\"]");
        register(institution, SUPPORT, "SUPPORT_TEAM", "LTS", "[]");
    }

    /**
     * Every institution's staff, {@code staff-0} onwards, sent by the client threads an institution after another;
     * the first {@code trained} of each attended the classes every job requires (a request is refused without them).
     */
    private void directory(List<Institution> institutions, int trained) throws Exception {
        FlowBenchmark.onClients(threads, institutionCount * staff, i -> {
            Institution institution = institutions.get(i % institutionCount);
            int person = i / institutionCount;
            String id = register(institution, "staff-" + person, "STAFF", "BENCH", "[]");
            if (person < trained) {
                for (String classId : FlowBenchmark.CLASSES_OF_EVERY_JOB) {
                    post(institution.key(), "/staff/" + id + "/attendance", """
                            {"classId": "%s", "attendedOn": "2026-03-04", "performedBy": "admin"}""".formatted(classId));
                }
            }
        });
    }

    private String register(Institution institution, String id, String role, String unit, String liaisonUnits)
            throws Exception {
        post(institution.key(), "/staff", """
                {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": ["%s"], "liaisonUnits": %s,
                 "performedBy": "admin"}""".formatted(id, id, unit, role, liaisonUnits));
        return id;
    }

    // ---- the flows

    /**
     * Flows {@code from} to {@code from + count - 1} of the run, flow g in institution g mod N by its person g / N, so
     * every institution has its share and every requester one flow.
     */
    private void runFlows(
            List<Institution> institutions,
            int from,
            int count,
            Latencies latencies,
            int[] onList,
            AtomicReferenceArray<String> lastAnswered)
            throws Exception {
        FlowBenchmark.onClients(threads, count, i -> {
            int flow = from + i;
            int institution = flow % institutionCount;
            String requester = "staff-" + flow / institutionCount;
            flow(institutions.get(institution), requester, latencies);
            if (lastAnswered != null) {
                lastAnswered.set(institution, requester);
            }
        });
        for (int flow = from; flow < from + count; flow++) {
            onList[flow % institutionCount]++;
        }
    }

    /** The eight commands of {@code cluster}'s flow ({@link SignOffRequests}), with the institution's key. */
    private void flow(Institution institution, String requester, Latencies latencies) throws Exception {
        SignOffRequests.Request open = SignOffRequests.open(JOB, requester);
        String ticket = latencies
                .time(() -> post(institution.key(), open.path(), open.body()))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        for (SignOffRequests.Request step : SignOffRequests.steps(ticket, requester, LIBRARIAN, LIAISON, SUPPORT)) {
            latencies.time(() -> post(institution.key(), step.path(), step.body()));
        }
    }

    // ---- the reads

    /** Rounds of the reads, one client, each round every institution's master list then its statistics. */
    private List<Read> readRounds(List<Institution> institutions, int rounds) throws Exception {
        List<Read> reads = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < institutionCount; i++) {
                for (int path = 0; path < READS.size(); path++) {
                    reads.add(read(institutions, i, path));
                }
            }
        }
        return reads;
    }

    /** The same reads, one after another, while the flows given run on the client threads. */
    private List<Read> readWhile(List<Institution> institutions, Load load) throws Exception {
        List<Read> reads = new ArrayList<>(); // the reader's own until it is done
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<?> reading = reader.submit(() -> {
                for (int i = 0; !done.get(); i = (i + 1) % institutionCount) {
                    for (int path = 0; path < READS.size(); path++) {
                        reads.add(read(institutions, i, path));
                    }
                }
                return null;
            });
            try {
                load.run();
            } finally {
                done.set(true);
            }
            reading.get();
        } finally {
            reader.shutdownNow();
        }
        return reads;
    }

    @FunctionalInterface
    private interface Load {
        void run() throws Exception;
    }

    private Read read(List<Institution> institutions, int institution, int path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get(institutions.get(institution).key(), READS.get(path));
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + READS.get(path) + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Read(path, institution, nanos, response.body().length());
    }

    private static long[] sorted(List<Read> reads, int path) {
        return ofPath(reads, path).mapToLong(Read::nanos).sorted().toArray();
    }

    /** The highest of the institutions' medians: whether one member's reads are slower than the others'. */
    private double slowestMedian(List<Read> reads, int path) {
        Map<Integer, List<Long>> byInstitution = new TreeMap<>();
        ofPath(reads, path)
                .forEach(read -> byInstitution
                        .computeIfAbsent(read.institution(), i -> new ArrayList<>())
                        .add(read.nanos()));
        return byInstitution.values().stream()
                .mapToDouble(nanos -> Latencies.percentile(
                        nanos.stream().mapToLong(Long::longValue).sorted().toArray(), 50))
                .max()
                .orElse(0);
    }

    private static double meanBytes(List<Read> reads, int path) {
        return ofPath(reads, path).mapToInt(Read::bytes).average().orElse(0);
    }

    private static Stream<Read> ofPath(List<Read> reads, int path) {
        return reads.stream().filter(read -> read.path() == path);
    }

    // ---- the check

    /**
     * Each institution's master list for the job holds exactly the flows it ran: all of them done, and none of
     * another's (the wall, as a user would notice its breach).
     */
    private void check(List<Institution> institutions, int[] onList) throws Exception {
        for (int i = 0; i < institutionCount; i++) {
            int listed = json(get(institutions.get(i).key(), "/master-list?jobId=" + JOB))
                    .findValues("staffId")
                    .size();
            if (listed != onList[i]) {
                throw new IllegalStateException("%s's master list holds %d people, not the %d of its flows"
                        .formatted(institutions.get(i).code(), listed, onList[i]));
            }
        }
        System.out.println(
                institutionCount == 1
                        ? "checked: the master list holds the %d flows' people".formatted(onList[0])
                        : "checked: each member's master list holds its own %d–%d flows, none of another's"
                                .formatted(
                                        Arrays.stream(onList).min().orElse(0),
                                        Arrays.stream(onList).max().orElse(0)));
    }

    private boolean onMasterList(Institution institution, String requester) throws Exception {
        return !json(get(institution.key(), "/master-list?jobId=" + JOB + "&staffId=" + requester))
                .findValues("staffId")
                .isEmpty();
    }

    // ---- HTTP

    /**
     * A command as {@code cluster} sends it, with an {@code Idempotency-Key} (one node: nowhere to send it again); an
     * answer other than a success ends the run.
     */
    private HttpResponse<String> post(String key, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", key)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> get(String key, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("X-API-Key", key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String key(HttpResponse<String> created) throws IOException {
        return json(created).get("key").asText();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int ceilDiv(int dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
