package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ticketing system is told of every step, however unreliable it is: a real receiver on a loopback port refuses
 * the first attempts of each notification, checks every signature, and still gets every notification, each
 * identified the same on every retry.
 */
class WebhookTest {

    private static final String SECRET = "receiver-shared-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void everyStepIsDeliveredSignedThroughFailuresAndRetriesKeepTheirId() throws Exception {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        List<JsonNode> accepted = new CopyOnWriteArrayList<>();
        List<String> forged = new CopyOnWriteArrayList<>();
        List<JsonNode> filtered = new CopyOnWriteArrayList<>();
        try (Receiver receiver = Receiver.onPort(0)
                        .on("/hooks", exchange -> receive(exchange, attempts, accepted, forged))
                        .on("/filtered", Receiver.keepingEach(filtered))
                        .start();
                RunningService service = RunningService.start(
                        dataDir,
                        "--approval.webhooks.initial-backoff=PT0.1S",
                        "--approval.webhooks.max-backoff=PT0.5S",
                        "--approval.webhooks.poll-interval=PT0.1S")) {
            Api admin = service.api();
            assertThat(Receiver.subscribe(admin, "lts-jira", receiver.url("/hooks"), SECRET, "")
                            .status())
                    .isEqualTo(201);
            assertThat(Receiver.subscribe(
                                    admin,
                                    "other-job",
                                    receiver.url("/filtered"),
                                    SECRET,
                                    "\"jobs\": [\"bib-normalization\"]")
                            .status())
                    .isEqualTo(201);
            assertThat(Receiver.subscribe(
                                    admin,
                                    "items-approvals",
                                    receiver.url("/filtered"),
                                    SECRET,
                                    "\"scopes\": [\"Items\"], \"events\": [\"ProductionUseApproved\"]")
                            .status())
                    .isEqualTo(201);
            Scenario scenario = new Scenario(admin);
            String ticket = scenario.ticketAwaitingReview();
            Scenario.accepted(scenario.approve(ticket, scenario.librarian, false));
            JsonNode history = notified(scenario.awaitTicket(ticket, "COMPLETED"));
            int events = history.size();

            Receiver.awaitPosts(() -> ofTicket(accepted, ticket), events, Duration.ofSeconds(30));
            List<JsonNode> delivered = ofTicket(accepted, ticket);
            assertThat(delivered).hasSize(events);
            assertThat(delivered.stream()
                            .map(n -> n.get("notificationId").asText())
                            .distinct())
                    .hasSize(events);
            assertThat(delivered.stream()
                            .map(n -> n.get("event").asText())
                            .sorted()
                            .toList())
                    .as("one notification per step, whatever order the retries brought them in")
                    .isEqualTo(
                            history.findValuesAsText("event").stream().sorted().toList());
            assertThat(delivered.stream().filter(n -> n.get("event").asText().equals("JobAccessRequested")))
                    .singleElement()
                    .satisfies(
                            n -> assertThat(n.get("supportTicketRef").asText()).isEqualTo("LTS-" + ticket));
            assertThat(delivered.stream().filter(n -> n.get("event").asText().equals("SandboxAccessGranted")))
                    .singleElement()
                    .satisfies(n -> {
                        assertThat(n.get("jobId").asText()).isEqualTo("change-physical-items");
                        assertThat(n.get("scope").asText()).isEqualTo("Items");
                        assertThat(n.get("status").asText()).isEqualTo("AWAITING_TEST");
                        assertThat(n.at("/nextActor/role").asText())
                                .as("after the grant, the requester must test")
                                .isEqualTo("REQUESTER");
                        assertThat(n.at("/nextActor/staffId").asText()).isEqualTo(scenario.requester);
                        assertThat(n.get("supportTicketRef").asText()).isEqualTo("LTS-" + ticket);
                    });
            assertThat(delivered.stream().filter(n -> n.get("event").asText().equals("JobAccessRequested")))
                    .singleElement()
                    .satisfies(n -> assertThat(n.at("/nextActor/role").asText()).isEqualTo("SYSTEMS_LIBRARIAN"));
            admin.await(
                    "/webhooks/items-approvals/deliveries",
                    log -> log.findValuesAsText("status").equals(List.of("DELIVERED")));
            assertThat(filtered)
                    .as("the scope's approvals only, and nothing for the subscription to another job")
                    .singleElement()
                    .satisfies(n -> assertThat(n.get("event").asText()).isEqualTo("ProductionUseApproved"));
            assertThat(admin.get("/webhooks/other-job/deliveries").body()).isEmpty();

            assertThat(admin.send("DELETE", "/webhooks/other-job", null, null).status())
                    .isEqualTo(204);
            assertThat(admin.send("DELETE", "/webhooks/no-such-subscription", null, null)
                            .code())
                    .isEqualTo("UNKNOWN_SUBSCRIPTION");
            assertThat(admin.get("/webhooks").body().findValuesAsText("active"))
                    .as("items-approvals, lts-jira, other-job (by id): the last one stopped")
                    .containsExactly("true", "true", "false");
            assertThat(forged).isEmpty();
            assertThat(attempts.values())
                    .allSatisfy(count -> assertThat(count.get()).isGreaterThanOrEqualTo(3));

            JsonNode log = admin.get("/webhooks/lts-jira/deliveries").body();
            assertThat(log.findValuesAsText("status")).containsOnly("DELIVERED");
            List<String> paged = new java.util.ArrayList<>();
            Api.Response page = admin.get("/webhooks/lts-jira/deliveries?limit=5");
            while (true) {
                paged.addAll(page.body().findValuesAsText("notificationId"));
                if (page.link() == null) {
                    break;
                }
                page = admin.follow(page.link().replaceAll("^<([^>]*)>.*$", "$1"));
            }
            assertThat(paged)
                    .as("the log in pages of 5, newest first: each delivery once")
                    .hasSizeGreaterThan(5)
                    .isEqualTo(log.findValuesAsText("notificationId"));
            assertThat(admin.get("/webhooks").body().toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void deliveriesPendingWhenTheEngineIsKilledArriveAfterItsRestart() throws Exception {
        int receiverPort = ServiceProcess.freePort(); // nobody listens there yet: every attempt fails
        int port = ServiceProcess.freePort();
        String[] fast = {
            "--approval.webhooks.initial-backoff=PT0.1S",
            "--approval.webhooks.max-backoff=PT0.5S",
            "--approval.webhooks.poll-interval=PT0.1S",
            "--approval.webhooks.max-attempts=1000"
        };
        Process engine = ServiceProcess.launch(dataDir, port, fast);
        String ticket;
        int events;
        try {
            Api admin = new Api(port).withKey(RunningService.ADMIN_KEY);
            ServiceProcess.awaitHealthy(admin, engine);
            assertThat(admin.post("/webhooks", """
                            {"subscriptionId": "lts-jira", "url": "http://127.0.0.1:%d/hooks", "secret": "%s"}""".formatted(receiverPort, SECRET))
                            .status())
                    .isEqualTo(201);
            Scenario scenario = new Scenario(admin);
            ticket = scenario.ticketAwaitingReview();
            events = notified(scenario.awaitTicket(ticket, "AWAITING_REVIEW")).size();
            admin.await(
                    "/webhooks/lts-jira/deliveries",
                    log -> log.findValuesAsText("notificationId").size() >= events);
        } finally {
            engine.destroyForcibly(); // kill -9 with the deliveries pending
            engine.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        List<JsonNode> accepted = new CopyOnWriteArrayList<>();
        List<String> forged = new CopyOnWriteArrayList<>();
        try (Receiver receiver = Receiver.onPort(receiverPort)
                        .on("/hooks", exchange -> receive(exchange, attempts, accepted, forged))
                        .start();
                RunningService restarted = RunningService.start(dataDir, fast)) {
            Receiver.awaitPosts(() -> ofTicket(accepted, ticket), events, Duration.ofSeconds(30));
            assertThat(ofTicket(accepted, ticket))
                    .as("every notification, none lost to the kill")
                    .hasSize(events);
            assertThat(forged).isEmpty();
        }
    }

    @Test
    void aReceiverThatHangsHoldsUpNoCommandAndItsDeliveriesTimeOutAndAreRetried() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Receiver receiver = Receiver.onPort(0)
                        .on("/hooks", exchange -> {
                            try {
                                release.await(60, java.util.concurrent.TimeUnit.SECONDS); // hangs until the end
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            exchange.sendResponseHeaders(204, -1);
                            exchange.close();
                        })
                        .start();
                RunningService service = RunningService.start(
                        dataDir,
                        "--approval.webhooks.timeout=PT2S",
                        "--approval.webhooks.initial-backoff=PT0.1S",
                        "--approval.webhooks.max-backoff=PT0.5S",
                        "--approval.webhooks.poll-interval=PT0.1S")) {
            Api admin = service.api();
            assertThat(Receiver.subscribe(admin, "stuck", receiver.url("/hooks"), SECRET, "")
                            .status())
                    .isEqualTo(201);
            Scenario scenario = new Scenario(admin);
            long start = System.nanoTime();
            String ticket = scenario.ticketAwaitingReview();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took)
                    .as("the commands went on while the receiver hung: waiting for its 2 s timeout on each of the"
                            + " ticket's seven steps would take 14 s")
                    .isLessThan(Duration.ofSeconds(10));
            JsonNode log = admin.await(
                    "/webhooks/stuck/deliveries",
                    body -> body.findValuesAsText("lastError").contains("HttpTimeoutException"));
            assertThat(log.findValuesAsText("status")).containsOnly("PENDING");
            assertThat(scenario.awaitTicket(ticket, "AWAITING_REVIEW")).isNotNull();
        } finally {
            release.countDown();
        }
    }

    /** The receiver: checks the signature, refuses the first two attempts of each notification, then takes it. */
    private static void receive(
            HttpExchange exchange, Map<String, AtomicInteger> attempts, List<JsonNode> accepted, List<String> forged)
            throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("Webhook-Id");
        String timestamp = exchange.getRequestHeaders().getFirst("Webhook-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("Webhook-Signature");
        if (!("v1=" + hmac(timestamp + "." + body)).equals(signature)) {
            forged.add(id);
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        int attempt = attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (attempt <= 2) {
            exchange.sendResponseHeaders(503, -1);
        } else {
            JsonNode notification = JSON.readTree(body);
            assertThat(notification.get("notificationId").asText()).isEqualTo(id);
            if (accepted.stream()
                    .noneMatch(n -> n.get("notificationId").asText().equals(id))) {
                accepted.add(notification);
            }
            exchange.sendResponseHeaders(204, -1);
        }
        exchange.close();
    }

    /** The history entries a subscriber hears of: the steps, and no note of a wait's deadlines. */
    private static ArrayNode notified(JsonNode ticketView) {
        return JSON.createArrayNode().addAll(Scenario.steps(ticketView));
    }

    private static List<JsonNode> ofTicket(List<JsonNode> notifications, String ticket) {
        return notifications.stream()
                .filter(n -> n.get("ticketId").asText().equals(ticket))
                .toList();
    }

    private static String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
