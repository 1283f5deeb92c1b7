package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signoff.api.Api.Response;

/**
 * A command answered with success is durable: the service runs in a JVM of its own, is killed with SIGKILL while
 * commands are in flight, and the restarted service finds every command it acknowledged.
 */
class KillNineDurabilityTest {

    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(4);
    private static final List<String> READINGS = Scenario.CHANGE_ITEMS_READINGS;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedCommandSurvivesAKillMinus9() throws Exception {
        int port = freePort();
        Process service = launch(port);
        Map<String, Integer> acknowledgedReadings = new ConcurrentHashMap<>(); // ticket -> readings acknowledged
        List<String> acknowledgedStaff = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            Api api = new Api(port);
            awaitHealthy(api, service);

            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger counter = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(2);
            for (int client = 0; client < 2; client++) {
                clients.submit(() -> {
                    while (!killed.get()) {
                        try {
                            String staff = "k" + counter.incrementAndGet();
                            if (api.post("/staff", """
                                    {"staffId": "%s", "displayName": "Kay %s", "unit": "ITS", "roles": ["STAFF"],
                                     "performedBy": "admin"}""".formatted(staff, staff)).status() != 201) {
                                continue;
                            }
                            acknowledgedStaff.add(staff);
                            Response opened = api.post("/tickets", """
                                    {"jobId": "%s", "performedBy": "%s"}""".formatted(Scenario.CHANGE_ITEMS, staff));
                            if (opened.status() != 201) {
                                continue;
                            }
                            String ticket = opened.body().get("ticketId").asText();
                            acknowledgedReadings.put(ticket, 0);
                            for (String document : READINGS) {
                                if (api.post("/tickets/" + ticket + "/readings", """
                                        {"documentId": "%s", "version": "1", "performedBy": "%s"}"""
                                        .formatted(document, staff)).status() == 200) {
                                    acknowledgedReadings.merge(ticket, 1, Integer::sum);
                                }
                            }
                        } catch (RuntimeException connectionGone) {
                            // the service was killed mid-request: that command was never acknowledged
                        }
                    }
                });
            }
            Thread.sleep(LOAD_BEFORE_KILL.toMillis());
            service.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            killed.set(true);
            service.waitFor(30, TimeUnit.SECONDS);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            service.destroyForcibly();
        }
        assertThat(acknowledgedReadings).as("commands were acknowledged before the kill").hasSizeGreaterThan(5);

        try (RunningService restarted = RunningService.start(dataDir)) {
            EventStore events = restarted.bean(EventStore.class);
            for (Map.Entry<String, Integer> ticket : acknowledgedReadings.entrySet()) {
                long stored = events.readEvents(ticket.getKey()).asStream().count();
                assertThat(stored).as("events of ticket %s: opened + %d readings acknowledged", ticket.getKey(),
                        ticket.getValue()).isGreaterThanOrEqualTo(1 + ticket.getValue());
            }
            for (String staff : acknowledgedStaff) {
                assertThat(events.readEvents(staff).asStream().count()).as("registration of %s", staff)
                        .isEqualTo(1);
            }
            // and the read models catch up on all of it from their stored tokens
            String last = acknowledgedStaff.get(acknowledgedStaff.size() - 1);
            restarted.api().await("/staff/" + last, body -> true);
            restarted.api().await("/tickets", body -> body.size() >= acknowledgedReadings.size());
        }
    }

    private Process launch(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ApprovalApplication.class.getName(), "--server.port=" + port, "--approval.data-dir=" + dataDir)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service.log").toFile())
                .start();
    }

    private static void awaitHealthy(Api api, Process service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service process is running").isTrue();
            try {
                if (api.get("/actuator/health").status() == 200 && api.get("/staff/admin").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not start");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
