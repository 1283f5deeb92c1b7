package org.signoff.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

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

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.api.testkit.ServiceProcess;

/**
 * A command answered with success is durable: the service runs in a JVM of its own, is killed with SIGKILL while
 * commands are in flight, and the restarted service finds every command it acknowledged.
 */
class KillNineDurabilityTest {

    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(4);
    private static final int CLIENTS = 64;
    private static final List<String> READINGS = Scenario.CHANGE_ITEMS_READINGS;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedCommandSurvivesAKillMinus9() throws Exception {
        int port = ServiceProcess.freePort();
        Process service = ServiceProcess.launch(dataDir, port);
        Map<String, Integer> acknowledgedReadings = new ConcurrentHashMap<>(); // ticket -> readings acknowledged
        List<String> acknowledgedStaff = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            Api admin = new Api(port).withKey(RunningService.ADMIN_KEY);
            ServiceProcess.awaitHealthy(admin, service);
            Api api = admin.withKey(Scenario.integrationKey(admin, "kill-nine"));

            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger counter = new AtomicInteger();
            // a burst from many clients: their commands share the stores of the group commit
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int client = 0; client < CLIENTS; client++) {
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
                                        {"documentId": "%s", "version": "1", "performedBy": "%s"}""".formatted(document, staff))
                                                .status()
                                        == 200) {
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
        assertThat(acknowledgedReadings)
                .as("commands were acknowledged before the kill")
                .hasSizeGreaterThan(5);

        try (RunningService restarted = RunningService.start(dataDir)) {
            EventStore events = restarted.bean(EventStore.class);
            for (Map.Entry<String, Integer> ticket : acknowledgedReadings.entrySet()) {
                long stored = events.readEvents(ticket.getKey()).asStream().count();
                assertThat(stored)
                        .as(
                                "events of ticket %s: opened + %d readings acknowledged",
                                ticket.getKey(), ticket.getValue())
                        .isGreaterThanOrEqualTo(1 + ticket.getValue());
            }
            org.springframework.jdbc.core.simple.JdbcClient database =
                    restarted.bean(org.springframework.jdbc.core.simple.JdbcClient.class);
            for (String staff : acknowledgedStaff) {
                String history = database // a person's own history is keyed by their pseudonym
                        .sql("SELECT pseudonym FROM staff_pseudonym WHERE staff_id = ?")
                        .param(staff)
                        .query(String.class)
                        .single();
                assertThat(events.readEvents(history).asStream().count())
                        .as("registration of %s", staff)
                        .isEqualTo(1);
            }
            // and the read models catch up on all of it from their stored tokens
            String last = acknowledgedStaff.get(acknowledgedStaff.size() - 1);
            restarted.api().await("/staff/" + last, body -> true);
            restarted.api().await("/tickets", body -> body.size() >= acknowledgedReadings.size());
        }
    }

    @Test
    void aCommandAnsweredJustBeforeAKillMinus9IsAnsweredTheSameOnItsRetryAfterTheRestart() throws Exception {
        int port = ServiceProcess.freePort();
        Process service = ServiceProcess.launch(dataDir, port);
        Scenario scenario;
        String ticket;
        Response first;
        String open;
        try {
            Api admin = new Api(port).withKey(RunningService.ADMIN_KEY);
            ServiceProcess.awaitHealthy(admin, service);
            scenario = new Scenario(admin);
            open = "{\"jobId\": \"%s\", \"performedBy\": \"%s\"}".formatted(Scenario.CHANGE_ITEMS, scenario.requester);
            Thread.sleep(2_000); // idle: nothing else to store with it, no background store to ride on
            first = scenario.api.post("/tickets", open, "Idempotency-Key", "kill-nine-retry");
            service.destroyForcibly(); // right after the answer: no shutdown hook, no flush
            service.waitFor(30, TimeUnit.SECONDS);
            assertThat(first.status()).isEqualTo(201);
            ticket = first.body().get("ticketId").asText();
        } finally {
            service.destroyForcibly();
        }
        try (RunningService restarted = RunningService.start(dataDir)) {
            Response retry = scenario.reconnect(restarted.api())
                    .api
                    .post("/tickets", open, "Idempotency-Key", "kill-nine-retry");
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(restarted
                            .bean(EventStore.class)
                            .readEvents(ticket)
                            .asStream()
                            .count())
                    .as("one opening and the deadlines of its wait, not two")
                    .isEqualTo(2);
        }
    }
}
