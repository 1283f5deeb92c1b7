package org.signoff.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.api.testkit.ServiceProcess;

/**
 * The database goes away under load and comes back. Meanwhile every request, whichever layer meets the store first
 * (the key's lookup, the idempotency record, the command, the read), is answered {@code 503 STORE_UNAVAILABLE} with
 * {@code Retry-After} within a bounded time: never a 500, never a 401 for a valid key. Afterwards the service takes
 * commands again without a restart, and every command acknowledged, before or after, is there.
 */
class StoreOutageTest {

    /** The longest a request may wait for its answer while the store is away (the pool's 5 s, and some). */
    private static final Duration BOUNDED = Duration.ofSeconds(12);

    @TempDir
    Path dataDir;

    @TempDir
    Path postgresDir;

    @Test
    void postgresCrashesUnderLoadAndComesBackWithoutARestartOfTheService() throws Exception {
        EmbeddedPostgres postgres = startPostgres(0);
        int port = postgres.getPort();
        try (RunningService service = RunningService.start(
                dataDir,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres")) {
            Api admin = service.api();
            Api integration = admin.withKey(Scenario.integrationKey(admin, "outage-ticketing"));
            Load load = new Load(integration, 4);
            load.start();
            load.awaitAcknowledged(8);

            crash(postgres); // an immediate stop, as a crashed server
            Thread.sleep(2_000);
            Response health = admin.withKey(null).get("/actuator/health");
            Response keyLookedUp = integration.get("/tickets");
            Thread.sleep(6_000);

            postgres = startPostgres(port);
            int acknowledgedBefore = load.acknowledged().size();
            load.awaitAcknowledged(acknowledgedBefore + 8);
            load.stop();

            assertThat(health.status()).as("health while the database is away").isEqualTo(503);
            assertThat(keyLookedUp.status())
                    .as("a valid key while its lookup cannot reach the database: " + keyLookedUp.body())
                    .isEqualTo(503);
            assertThat(keyLookedUp.code()).isEqualTo("STORE_UNAVAILABLE");
            load.assertEveryFailureWasAStoreUnavailableWithinBounds();
            load.assertEveryAcknowledgedCommandIsThere(admin);
        } finally {
            postgres.close();
        }
    }

    @Test
    void theEmbeddedStoresDiskFillsUnderLoadAndTheServiceStartsAgainOnItOnceSpaceIsBack() throws Exception {
        Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "mounting a small file system of its own needs root");
        Path small = dataDir.resolve("small");
        Files.createDirectories(small);
        run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", small.toString());
        int port = ServiceProcess.freePort();
        Process service = ServiceProcess.launch(small, dataDir.resolve("service.log"), port);
        try {
            Api admin = new Api(port).withKey(RunningService.ADMIN_KEY);
            ServiceProcess.awaitHealthy(admin, service);
            Api integration = admin.withKey(Scenario.integrationKey(admin, "disk-ticketing"));
            Load load = new Load(integration, 4);
            load.start();
            load.awaitAcknowledged(8);

            Path filler = small.resolve("filler");
            fill(filler);
            Thread.sleep(2_000);
            Response keyLookedUp = integration.get("/tickets");
            Response ready = admin.withKey(null).get("/actuator/health/readiness");
            Thread.sleep(6_000);
            assertThat(Files.list(small).map(Path::getFileName).map(Path::toString))
                    .as("nothing of H2's own logging on the full disk")
                    .noneMatch(name -> name.endsWith(".trace.db"));

            Files.delete(filler);
            int acknowledgedBefore = load.acknowledged().size();
            load.awaitAcknowledged(acknowledgedBefore + 8);
            load.stop();

            assertThat(service.isAlive())
                    .as("the same process, started again on its file")
                    .isTrue();
            load.assertEveryFailureWasAStoreUnavailableWithinBounds();
            load.assertEveryAcknowledgedCommandIsThere(admin);
            assertThat(Files.readString(dataDir.resolve("service.log")))
                    .contains("the service starts again on it once its disk has room")
                    .contains("Started again on");
        } finally {
            service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            run("umount", "-l", small.toString());
            // kept beside the test reports, to read what the service did
            Files.copy(
                    dataDir.resolve("service.log"),
                    Path.of("target", "store-outage-service.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes until the file system says it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).containsIgnoringCase("space");
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0)
                .as(String.join(" ", command))
                .isTrue();
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(postgresDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    /** SIGQUIT to the postmaster: PostgreSQL's immediate shutdown, with no checkpoint, as a crash. */
    private static void crash(EmbeddedPostgres postgres) throws Exception {
        Process postmaster = postgres.getProcess();
        new ProcessBuilder("kill", "-QUIT", String.valueOf(postmaster.pid()))
                .inheritIO()
                .start()
                .waitFor();
        assertThat(postmaster.waitFor(20, TimeUnit.SECONDS)).isTrue();
        postgres.close(); // its lock on the data directory; stopping a stopped server only logs
    }

    /**
     * Integrations registering people, each with an {@code Idempotency-Key}, sent again with the same key after a
     * 503 until acknowledged, and reading between commands. Bounded: each client stops at {@link #stop} or after
     * two minutes.
     */
    static final class Load {

        private static final Response NOT_LISTENING = new Response(0, null, null, null, null, null, null, null);

        private final Api api;
        private final int clients;
        private final ExecutorService threads;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());

        /** An answer, or none ({@code response} null) while the service was not listening: it was starting again. */
        record Answer(String request, Response response, Duration took) {}

        Load(Api api, int clients) {
            this.api = api;
            this.clients = clients;
            this.threads = Executors.newFixedThreadPool(clients);
        }

        void start() {
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            for (int client = 0; client < clients; client++) {
                threads.submit(() -> {
                    while (!stopped.get() && System.nanoTime() < until) {
                        String person = "outage-" + UUID.randomUUID();
                        String key = UUID.randomUUID().toString();
                        boolean done = false;
                        while (!done && !stopped.get() && System.nanoTime() < until) {
                            Response answer = timed(
                                    "POST /staff",
                                    () -> api.post("/staff", """
                                    {"staffId": "%s", "displayName": "Outage Person", "unit": "ITS",
                                     "roles": ["STAFF"], "performedBy": "admin"}""".formatted(person), "Idempotency-Key", key));
                            done = answer.status() == 201;
                            if (done) {
                                acknowledged.add(person);
                            } else {
                                pause();
                            }
                            timed("GET /tickets", () -> api.get("/tickets?limit=5"));
                        }
                    }
                    return null;
                });
            }
        }

        private Response timed(String request, java.util.function.Supplier<Response> call) {
            long start = System.nanoTime();
            Response response;
            try {
                response = call.get();
            } catch (IllegalStateException notListening) {
                response = null;
            }
            answers.add(new Answer(request, response, Duration.ofNanos(System.nanoTime() - start)));
            return response == null ? NOT_LISTENING : response;
        }

        List<String> acknowledged() {
            return List.copyOf(acknowledged);
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            await(() -> acknowledged.size() >= count, "acknowledged commands: " + count);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        void assertEveryFailureWasAStoreUnavailableWithinBounds() {
            List<String> wrong = new ArrayList<>();
            synchronized (answers) {
                for (Answer answer : answers) {
                    Response response = answer.response();
                    if (response == null) {
                        continue; // connection refused: starting again
                    }
                    boolean success = response.status() == 200 || response.status() == 201;
                    boolean storeUnavailable = response.status() == 503
                            && "STORE_UNAVAILABLE".equals(response.code())
                            && response.retryAfter() != null
                            && response.contentType().startsWith("application/problem+json");
                    if (!success && !storeUnavailable) {
                        wrong.add(answer.request() + ": " + response.status() + " " + response.contentType() + " "
                                + response.body());
                    }
                    if (answer.took().compareTo(BOUNDED) > 0) {
                        wrong.add(answer.request() + " took " + answer.took());
                    }
                }
            }
            assertThat(refused()).as("the outage was met").isPositive();
            assertThat(wrong)
                    .as("answers other than a success or a 503 in time")
                    .isEmpty();
        }

        /** Each person registered with a 201 is in the directory, and the ledger's chain is whole. */
        void assertEveryAcknowledgedCommandIsThere(Api admin) {
            for (String person : acknowledged()) {
                admin.await(
                        "/staff/" + person,
                        body -> body.path("staffId").asText().equals(person));
            }
            assertThat(admin.ledgerIntact()).isTrue();
        }

        private long refused() {
            synchronized (answers) {
                return answers.stream()
                        .filter(answer ->
                                answer.response() != null && answer.response().status() == 503)
                        .count();
            }
        }

        private static void await(java.util.function.BooleanSupplier condition, String what)
                throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Waited 90 s in vain for " + what);
                }
                Thread.sleep(50);
            }
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
