package org.signoff.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged service ({@code approval-api}'s {@code -exec.jar}) as users run it: N processes of their own on
 * loopback, each on its own port and data directory, on the database given or, without one, on its H2 file; healthy
 * before it is used, its CPU and resident memory read from outside, stopped on {@link #close()}. The benchmarks that
 * measure the service alone ({@code cluster}, {@code consortium}) start it this way.
 */
final class PackagedService implements AutoCloseable {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> javaOptions;
    private final boolean onDatabaseServer;
    private final String adminKey;
    /** Each node's log, in its data directory {@code node-N}. */
    private static final String LOG = "node.log";

    private final List<Process> processes = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private final List<Long> started = new ArrayList<>(); // System.nanoTime() as each node's java began
    private final List<Duration> healthyAfter = new ArrayList<>();

    private PackagedService(List<String> javaOptions, boolean onDatabaseServer, String adminKey) {
        this.javaOptions = javaOptions;
        this.onDatabaseServer = onDatabaseServer;
        this.adminKey = adminKey;
    }

    /**
     * Starts {@code count} nodes under {@code dir} and waits until each is healthy. From the arguments: {@code
     * --jar=}, {@code --node-java-opts=} (default {@code -Xmx512m}) and the nodes' own settings ({@code
     * --approval.*}, {@code --axon.*}).
     */
    static PackagedService start(String[] args, int count, Path dir, Optional<String> datasourceUrl) throws Exception {
        Path jar = FlowBenchmark.stringArg(args, "--jar=").map(Path::of).orElseGet(PackagedService::packagedJar);
        List<String> javaOptions = List.of(FlowBenchmark.stringArg(args, "--node-java-opts=")
                .orElse("-Xmx512m")
                .trim()
                .split("\\s+"));
        String secret = UUID.randomUUID().toString().replace("-", "");
        PackagedService service =
                new PackagedService(javaOptions, datasourceUrl.isPresent(), "initial-admin." + secret);
        try {
            for (int n = 1; n <= count; n++) {
                int port = freePort();
                Path data = Files.createDirectories(dir.resolve("node-" + n));
                List<String> command = new ArrayList<>(List.of(javaCommand()));
                command.addAll(javaOptions);
                command.addAll(List.of(
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--approval.data-dir=" + data,
                        "--approval.security.initial-admin-key=" + secret,
                        "--logging.level.root=WARN"));
                datasourceUrl.ifPresent(url -> command.add("--spring.datasource.url=" + url));
                Stream.of(args)
                        .filter(arg -> arg.startsWith("--approval.") || arg.startsWith("--axon."))
                        .forEach(command::add); // the nodes' own settings, e.g. --approval.aggregate-cache=false
                service.started.add(System.nanoTime());
                service.processes.add(new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(data.resolve(LOG).toFile())
                        .start());
                service.bases.add("http://localhost:" + port);
            }
            for (int n = 0; n < count; n++) {
                service.awaitHealthy(
                        service.bases.get(n),
                        service.processes.get(n),
                        dir.resolve("node-" + (n + 1)).resolve(LOG));
                service.healthyAfter.add(Duration.ofNanos(System.nanoTime() - service.started.get(n)));
            }
            return service;
        } catch (Exception | Error failed) {
            service.close();
            throw failed;
        }
    }

    /** Each node's base URL, {@code http://localhost:port}. */
    List<String> bases() {
        return List.copyOf(bases);
    }

    /** The key of the initial administrator every node was started with. */
    String adminKey() {
        return adminKey;
    }

    List<Process> processes() {
        return List.copyOf(processes);
    }

    /** The nodes' JVM options, database and malloc arenas, as one line to print before the figures. */
    String describe() {
        return "%s on %s, %s"
                .formatted(
                        String.join(" ", javaOptions),
                        onDatabaseServer ? "PostgreSQL" : "their H2 file",
                        Optional.ofNullable(System.getenv("MALLOC_ARENA_MAX"))
                                .map(arenas -> "MALLOC_ARENA_MAX=" + arenas)
                                .orElse("MALLOC_ARENA_MAX not set"));
    }

    /** The CPU all nodes have spent so far. */
    long cpuNanos() {
        return cpuNanos(processes);
    }

    static long cpuNanos(List<Process> processes) {
        return processes.stream()
                .mapToLong(process ->
                        process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** A node's resident memory in MiB ({@code VmRSS} now, {@code VmHWM} at its peak), node 1 first. */
    String residentMiB(int node, String field) {
        return FlowBenchmark.residentMiB(String.valueOf(processes.get(node - 1).pid()), field);
    }

    /**
     * Prints each node's resident memory now and at its peak, its heap after a full collection (which this asks
     * for: call it once the figures are taken) and how long it took from {@code java} to healthy.
     */
    void printResident() {
        for (int n = 1; n <= processes.size(); n++) {
            System.out.printf(
                    "node %d resident: %s MiB, at its peak %s MiB; heap after GC %s MiB; healthy %.1f s after java%n",
                    n,
                    residentMiB(n, "VmRSS"),
                    residentMiB(n, "VmHWM"),
                    heapAfterGcMiB(processes.get(n - 1)),
                    healthyAfter.get(n - 1).toMillis() / 1000.0);
        }
    }

    /** How long each node took from {@code java} to its first healthy answer (polled every 50 ms), node 1 first. */
    List<Duration> healthyAfter() {
        return List.copyOf(healthyAfter);
    }

    /**
     * The node's heap in use after a full collection, as {@code jcmd} reads it from outside ({@code GC.run}, then
     * {@code GC.heap_info}: the generations' "used" summed, metaspace left out); "?" where it cannot tell.
     */
    static String heapAfterGcMiB(Process process) {
        Path jcmd = Path.of(javaCommand()).resolveSibling("jcmd");
        String pid = String.valueOf(process.pid());
        try {
            jcmdOutput(jcmd, pid, "GC.run");
            long usedKiB = 0;
            boolean found = false;
            for (String line : jcmdOutput(jcmd, pid, "GC.heap_info").split("\\R")) {
                Matcher used = HEAP_USED.matcher(line);
                if (used.find() && !line.contains("Metaspace") && !line.contains("class space")) {
                    usedKiB += Long.parseLong(used.group(1));
                    found = true;
                }
            }
            return found ? String.valueOf(usedKiB / 1024) : "?";
        } catch (IOException | InterruptedException | RuntimeException unreadable) {
            return "?";
        }
    }

    /** A heap's line of {@code GC.heap_info}: "PSYoungGen total 65536K, used 1234K", "garbage-first heap ...". */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private static String jcmdOutput(Path jcmd, String pid, String command) throws IOException, InterruptedException {
        Process run = new ProcessBuilder(jcmd.toString(), pid, command)
                .redirectErrorStream(true)
                .start();
        String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (run.waitFor() != 0) {
            throw new IOException("jcmd " + command + ": " + output);
        }
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            process.waitFor();
        }
    }

    private void awaitHealthy(String base, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException(base + " ended while starting; the end of its log:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(base + " did not start");
    }

    /** The service as it is packaged: {@code approval-api/target/approval-api-*-exec.jar} under the directory. */
    private static Path packagedJar() {
        try (Stream<Path> files = Files.list(Path.of("approval-api", "target"))) {
            return files.filter(file -> file.getFileName().toString().matches("approval-api-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | RuntimeException notBuilt) {
            throw new IllegalStateException(
                    "run from the repository after mvn package, or give --jar=the service's -exec.jar", notBuilt);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
