package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.ReadModels;
import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.api.testkit.ServiceProcess;

/**
 * Several nodes on one PostgreSQL, as a consortium runs them behind a load balancer: three service JVMs of their own
 * on loopback ports, integrations sending every step to whichever node they pick (and, when one does not answer,
 * the same request with the same {@code Idempotency-Key} to another), and the node running the read models killed
 * with SIGKILL in the middle. Nothing acknowledged may be lost or happen twice, no valid step may be refused because
 * another node moved the ticket, the others must take over the read models, the deadlines and the webhooks, and the
 * read models must end equal to a fresh replay.
 */
class ClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NODES = 3;
    private static final int WORKERS = 12;
    private static final int PARKED = 4;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofSeconds(6);
    private static final Duration LOAD_AFTER_KILL = Duration.ofSeconds(8);
    private static final List<String> READINGS = Scenario.CHANGE_ITEMS_READINGS;
    /** Ticket events the webhooks never announce: the engine's own notes. */
    private static final Set<String> NOT_ANNOUNCED = Set.of("DeadlinesScheduled", "SignOffValidUntil");

    @TempDir
    Path dir;

    private final List<Node> nodes = new ArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private String key;
    private final ExecutorService racing = Executors.newCachedThreadPool();

    @Test
    void threeNodesShareTheWorkAndTheKilledOneLosesNothing() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Receiver receiver = Receiver.onPort(0)
                        .on("/hooks", exchange -> {
                            received.add(new Received(
                                    exchange.getRequestHeaders().getFirst("Webhook-Id"),
                                    JSON.readTree(exchange.getRequestBody()),
                                    Instant.now()));
                            exchange.sendResponseHeaders(204, -1);
                            exchange.close();
                        })
                        .start()) {
            String[] settings = {
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--approval.deadlines.steps.AWAITING_TEST.remind-after=PT8S",
                "--approval.deadlines.steps.AWAITING_TEST.limit-after=PT10M",
                "--approval.deadlines.poll-interval=PT0.2S",
                // a reminder picked by the node killed is fired by another after six missed heartbeats: 6 s here
                "--approval.deadlines.heartbeat=PT1S",
                "--approval.webhooks.poll-interval=PT0.1S"
            };
            // started together, as replicas are: one of them makes the schema, the administrator and the first key
            for (int n = 1; n <= NODES; n++) {
                Path data = Files.createDirectories(dir.resolve("node-" + n));
                int port = ServiceProcess.freePort();
                nodes.add(new Node(n, ServiceProcess.launch(data, port, settings), new Api(port)));
            }
            for (Node node : nodes) {
                ServiceProcess.awaitHealthy(node.api().withKey(RunningService.ADMIN_KEY), node.process());
            }
            Api admin = nodes.get(0).api().withKey(RunningService.ADMIN_KEY);
            key = Scenario.integrationKey(admin, "consortium-ticketing");
            assertThat(Receiver.subscribe(admin, "consortium", receiver.url("/hooks"), Receiver.SECRET, "")
                            .status())
                    .isEqualTo(201);
            String librarian = register("lib", "SYSTEMS_LIBRARIAN", "LTS");

            // a ticket opened on one node is read on the others at once; these wait at the test for their reminder
            List<String> parked = new ArrayList<>();
            for (int p = 0; p < PARKED; p++) {
                String person = register("parked", "STAFF", "ITS");
                Node opening = nodes.get(p % NODES);
                Response opened =
                        opening.api().withKey(key).post("/tickets", """
                        {"jobId": "%s", "performedBy": "%s"}""".formatted(Scenario.CHANGE_ITEMS, person));
                assertThat(opened.status()).isEqualTo(201);
                String ticket = opened.body().get("ticketId").asText();
                for (Node reading : nodes) {
                    assertThat(reading.api()
                                    .withKey(key)
                                    .get("/tickets/" + ticket)
                                    .status())
                            .as("ticket opened on node %s, read on node %s", opening.number(), reading.number())
                            .isEqualTo(200);
                }
                journey(ticket, person, librarian, false);
                parked.add(ticket);
            }

            // integrations on every node, until the node running the read models is killed, and on after that
            AtomicBoolean stop = new AtomicBoolean();
            Map<String, String> tickets = new ConcurrentHashMap<>(); // ticket -> status of its last acknowledged step
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            for (int w = 0; w < WORKERS; w++) {
                workers.submit(() -> {
                    while (!stop.get() && failures.isEmpty()) {
                        String person = register("staff", "STAFF", "ITS");
                        Response opened = send("/tickets", """
                                {"jobId": "%s", "performedBy": "%s"}""".formatted(Scenario.CHANGE_ITEMS, person));
                        String ticket = opened.body().path("ticketId").asText();
                        tickets.put(ticket, journey(ticket, person, librarian, true));
                    }
                    return null;
                });
            }
            Thread.sleep(LOAD_BEFORE_KILL.toMillis());
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            Node victim = owner(jdbc, "tickets");
            victim.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Instant killedAt = Instant.now();
            Thread.sleep(LOAD_AFTER_KILL.toMillis());
            stop.set(true);
            workers.shutdown();
            assertThat(workers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            assertThat(failures)
                    .as("valid steps refused, or answered with an error")
                    .isEmpty();
            assertThat(tickets.size()).as("journeys made").isGreaterThan(WORKERS);
            List<Node> alive = nodes.stream().filter(n -> n.process().isAlive()).toList();
            assertThat(alive).hasSize(NODES - 1);
            Api reader = alive.get(0).api().withKey(RunningService.ADMIN_KEY);

            // every acknowledged step is there, once; the killed node's read models were taken over
            for (Map.Entry<String, String> ticket : tickets.entrySet()) {
                JsonNode view = reader.await(
                        "/tickets/" + ticket.getKey(),
                        body -> body.at("/ticket/status").asText().equals(ticket.getValue()));
                Map<String, Long> steps = events(view).stream()
                        .filter(event -> !event.equals("DeadlinesScheduled") && !event.equals("ReminderIssued"))
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(steps.values().stream().mapToLong(Long::longValue).sum())
                        .as("steps of %s, each once: %s", ticket.getKey(), steps)
                        .isEqualTo(5 + READINGS.size());
                assertThat(steps).as("steps of %s", ticket.getKey()).hasSize(6);
            }

            // each parked ticket reminded once, whichever node fired it
            for (String ticket : parked) {
                JsonNode view =
                        reader.await("/tickets/" + ticket, body -> events(body).contains("ReminderIssued"));
                Thread.sleep(1000); // a second firing would come within the poll interval
                view = reader.get("/tickets/" + ticket).body();
                assertThat(Collections.frequency(events(view), "ReminderIssued"))
                        .as("reminders of %s", ticket)
                        .isEqualTo(1);
            }

            // every announced event delivered; twice only if its first post was in flight on the killed node
            Set<String> expected = new java.util.HashSet<>();
            List<String> all = new ArrayList<>(tickets.keySet());
            all.addAll(parked);
            for (String ticket : all) {
                for (JsonNode step : reader.get("/tickets/" + ticket).body().get("history")) {
                    if (!NOT_ANNOUNCED.contains(step.get("event").asText())) {
                        expected.add(ticket + "#" + step.get("sequence").asLong());
                    }
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!delivered(received).containsAll(expected) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(delivered(received)).as("steps announced to the webhook").containsAll(expected);
            Map<String, List<Received>> byId = received.stream().collect(Collectors.groupingBy(Received::id));
            byId.forEach((id, copies) -> {
                if (copies.size() > 1) {
                    assertThat(copies.get(0).at())
                            .as("notification %s posted %s times", id, copies.size())
                            .isBefore(killedAt.plusSeconds(1));
                }
            });

            // the read models, caught up on every node, equal a fresh replay; the ledger seals it all
            for (Node node : alive) {
                ReadModels.awaitCaughtUp(node.api().withKey(RunningService.ADMIN_KEY));
            }
            assertThat(alive.get(1)
                            .api()
                            .withKey(RunningService.ADMIN_KEY)
                            .get("/master-list")
                            .body())
                    .as("the master list on both nodes")
                    .isEqualTo(reader.get("/master-list").body());
            Map<String, List<String>> live = ReadModels.rows(jdbc);
            for (String readModel : List.of("tickets", "master-list", "catalog", "staff")) {
                ReadModels.rebuild(reader, readModel);
            }
            assertThat(ReadModels.rows(jdbc))
                    .as("read models written by three nodes, one of them killed, against a fresh replay")
                    .isEqualTo(live);
            long events = jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                    .query(Long.class)
                    .single();
            JsonNode verified = reader.await(
                    "/ledger/verification", body -> body.get("checked").asLong() == events);
            assertThat(verified.get("intact").asBoolean())
                    .as("the ledger: %s", verified)
                    .isTrue();
        } finally {
            racing.shutdownNow();
            nodes.forEach(node -> node.process().destroyForcibly());
            keepLogs();
        }
    }

    /** Each node's output, kept in the build output for a look after a failure. */
    private void keepLogs() throws java.io.IOException {
        Path logs = Files.createDirectories(Path.of("target", "cluster-test"));
        for (Node node : nodes) {
            Path log = dir.resolve("node-" + node.number()).resolve("service.log");
            if (Files.exists(log)) {
                Files.copy(log, logs.resolve("node-" + node.number() + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Takes the ticket through its steps from the readings on; {@code toTheEnd} false stops it at the test. */
    private String journey(String ticket, String person, String librarian, boolean toTheEnd) {
        String path = "/tickets/" + ticket;
        // two readings at once, each to a node at random: whichever loses the race for the ticket's next event is
        // sent again by its node, not refused
        for (int r = 0; r < READINGS.size(); r += 2) {
            CompletableFuture.allOf(READINGS.subList(r, Math.min(r + 2, READINGS.size())).stream()
                            .map(document -> CompletableFuture.runAsync(
                                    () -> send(path + "/readings", """
                                            {"documentId": "%s", "version": "1", "performedBy": "%s"}""".formatted(document, person)), racing))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }
        send(path + "/request", """
                {"supportTicketRef": "LTS-%s", "performedBy": "%s"}""".formatted(ticket, person));
        Response last = send(path + "/sandbox-grant", """
                {"trainingMaterials": [], "performedBy": "%s"}""".formatted(librarian));
        if (toTheEnd) {
            send(path + "/sandbox-test", """
                    {"jobInstanceRef": "job-1", "recordsProcessed": 10, "outcome": "SUCCEEDED",
                     "performedBy": "%s"}""".formatted(person));
            last = send(path + "/approval", """
                    {"roleUpdateNeeded": false, "performedBy": "%s"}""".formatted(librarian));
        }
        return last.body().path("status").asText();
    }

    private String register(String name, String role, String unit) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        send("/staff", """
                {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": ["%s"], "performedBy": "admin"}""".formatted(id, name, unit, role));
        if (role.equals("STAFF")) {
            for (String classId : Scenario.CHANGE_ITEMS_CLASSES) {
                send("/staff/" + id + "/attendance", """
                        {"classId": "%s", "attendedOn": "2026-03-04", "performedBy": "admin"}""".formatted(classId));
            }
        }
        return id;
    }

    /**
     * A command as an integration sends it to a cluster: to a node picked at random, and when that node does not
     * answer (or answers 503), the same request with the same {@code Idempotency-Key} to another, until one answers.
     * Any answer but a success is a failure of the test.
     */
    private Response send(String path, String json) {
        String idempotencyKey = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Node node = nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
            try {
                Response response = node.api().withKey(key).post(path, json, "Idempotency-Key", idempotencyKey);
                if (response.status() == 503) {
                    continue;
                }
                if (response.status() >= 300) {
                    failures.add("POST " + path + " on node " + node.number() + ": " + response.status() + " "
                            + response.body());
                }
                return response;
            } catch (RuntimeException noAnswer) {
                pause();
            }
        }
        failures.add("POST " + path + ": no node answered");
        throw new IllegalStateException("no node answered " + path);
    }

    /** The node whose JVM holds the processor's token (Axon names owners {@code pid@host}). */
    private Node owner(JdbcClient jdbc, String processor) {
        String owner = jdbc.sql("SELECT owner FROM TokenEntry WHERE processorName = ? AND segment = 0")
                .param(processor)
                .query(String.class)
                .single();
        long pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
        return nodes.stream()
                .filter(node -> node.process().pid() == pid)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no node owns " + processor + ": " + owner));
    }

    private static Set<String> delivered(List<Received> received) {
        return received.stream()
                .map(r -> r.body().get("ticketId").asText() + "#"
                        + r.body().get("sequence").asLong())
                .collect(Collectors.toSet());
    }

    private static List<String> events(JsonNode ticket) {
        List<String> events = new ArrayList<>();
        ticket.get("history").forEach(step -> events.add(step.get("event").asText()));
        return events;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Node(int number, Process process, Api api) {}

    private record Received(String id, JsonNode body, Instant at) {}
}
