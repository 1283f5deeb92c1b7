package org.signoff.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.api.testkit.ServiceProcess;
import org.signoff.storage.Columns;

/**
 * The ticketing system is told of every step, however unreliable it is: a real receiver on a loopback port refuses
 * the first attempts of each notification, checks every signature with the Standard Webhooks reference library, and
 * still gets every notification, each identified the same on every retry. A subscriber moves to a new secret without
 * losing a post.
 */
class WebhookTest {

    private static final String SECRET = Receiver.SECRET;
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

    @Test
    void aSubscriberMovesToANewSecretWithoutLosingAPostAndOneFromBeforeTheStandardKeepsItsSecret() throws Exception {
        String plain = "a-plain-secret-given-before-the-standard"; // as an earlier version took them
        String newSecret = "whsec_"
                + Base64.getEncoder()
                        .encodeToString("the-standard-receivers-next-key!".getBytes(StandardCharsets.UTF_8));
        String legacyNewSecret = "whsec_"
                + Base64.getEncoder().encodeToString(new byte[] {
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
                    28, 29
                });
        List<Post> posts = new CopyOnWriteArrayList<>();
        try (Receiver receiver = Receiver.onPort(0)
                .on("/standard", exchange -> keep(exchange, posts))
                .on("/legacy", exchange -> keep(exchange, posts))
                .start()) {
            subscribedByAnEarlierVersion("legacy", receiver.url("/legacy"), plain);
            try (RunningService service = RunningService.start(
                    dataDir, "--approval.webhooks.poll-interval=PT0.1S", "--approval.webhooks.secret-overlap=PT10S")) {
                Api admin = service.api();
                assertThat(Receiver.subscribe(admin, "standard", receiver.url("/standard"), SECRET, "")
                                .status())
                        .isEqualTo(201);
                Scenario scenario = new Scenario(admin);

                List<Post> before = postsOfANewTicket(scenario, scenario.requester, posts);
                assertThat(before)
                        .allSatisfy(post -> assertThat(post.signatures()).hasSize(1));
                assertThat(verified(before, "/standard", new Webhook(SECRET))).isTrue();
                assertThat(verified(before, "/legacy", new Webhook(plain.getBytes(StandardCharsets.UTF_8))))
                        .as("the plain secret's UTF-8 bytes stay its key")
                        .isTrue();
                assertThat(verified(before, "/legacy", new Webhook("whsec_" + base64(plain))))
                        .as("and its standard form is whsec_ and their base64")
                        .isTrue();

                assertThat(admin.post("/webhooks/standard/secret-rotation", """
                                {"secret": "%s"}""".formatted(plain))
                                .code())
                        .isEqualTo("INVALID_REQUEST");
                Api.Response rotated = admin.post("/webhooks/standard/secret-rotation", """
                        {"secret": "%s"}""".formatted(newSecret));
                assertThat(rotated.status()).isEqualTo(200);
                Instant until =
                        Instant.parse(rotated.body().get("previousSecretsUntil").asText());
                assertThat(Duration.between(
                                Instant.parse(rotated.body().get("rotatedAt").asText()), until))
                        .isEqualTo(Duration.ofSeconds(10));
                assertThat(admin.post("/webhooks/legacy/secret-rotation", """
                                {"secret": "%s"}""".formatted(legacyNewSecret))
                                .status())
                        .isEqualTo(200);
                assertThat(rotated.body().toString()).doesNotContain(newSecret).doesNotContain(SECRET);

                List<Post> during = postsOfANewTicket(scenario, scenario.colleague, posts);
                assertThat(during)
                        .as("posted within the overlap, each signed with the new secret and the old one")
                        .allSatisfy(post -> {
                            assertThat(post.timestamp()).isBefore(until);
                            assertThat(post.signatures()).hasSize(2);
                        });
                assertThat(verified(during, "/standard", new Webhook(SECRET))).isTrue();
                assertThat(verified(during, "/standard", new Webhook(newSecret)))
                        .isTrue();
                assertThat(verified(during, "/legacy", new Webhook(plain.getBytes(StandardCharsets.UTF_8))))
                        .isTrue();
                assertThat(verified(during, "/legacy", new Webhook(legacyNewSecret)))
                        .isTrue();
                assertThat(verified(during, "/standard", new Webhook(legacyNewSecret)))
                        .as("no other secret verifies")
                        .isFalse();

                Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis() + 1000));
                Scenario others = new Scenario(admin);
                List<Post> after = postsOfANewTicket(others, others.requester, posts);
                assertThat(after)
                        .allSatisfy(post -> assertThat(post.signatures()).hasSize(1));
                assertThat(verified(after, "/standard", new Webhook(newSecret))).isTrue();
                assertThat(verified(after, "/legacy", new Webhook(legacyNewSecret)))
                        .isTrue();
                assertThat(verified(after, "/standard", new Webhook(SECRET)))
                        .as("after the overlap the old secret signs no more")
                        .isFalse();
                assertThat(verified(after, "/legacy", new Webhook(plain.getBytes(StandardCharsets.UTF_8))))
                        .isFalse();
                assertThat(admin.get("/webhooks").body().toString())
                        .doesNotContain(plain)
                        .doesNotContain(base64(plain))
                        .doesNotContain(newSecret)
                        .doesNotContain(legacyNewSecret);
            }
        }
    }

    /** A post as the receiver got it: the body as sent, and its headers. */
    private record Post(String path, String body, Map<String, List<String>> headers) {

        List<String> signatures() {
            return List.of(headers.get("Webhook-signature").get(0).split(" "));
        }

        Instant timestamp() {
            return Instant.ofEpochSecond(
                    Long.parseLong(headers.get("Webhook-timestamp").get(0)));
        }

        String ticketId() throws IOException {
            return JSON.readTree(body).get("ticketId").asText();
        }
    }

    private static void keep(HttpExchange exchange, List<Post> posts) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        posts.add(new Post(exchange.getRequestURI().getPath(), body, new HashMap<>(exchange.getRequestHeaders())));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** {@code staff} opens a ticket; the posts of its opening, once both subscriptions have theirs. */
    private static List<Post> postsOfANewTicket(Scenario scenario, String staff, List<Post> posts)
            throws InterruptedException {
        String ticket = scenario.open(staff, Scenario.CHANGE_ITEMS);
        Receiver.awaitPosts(
                () -> postsOf(posts, ticket).stream().map(Post::path).distinct().toList(), 2, Duration.ofSeconds(30));
        List<Post> ofTicket = postsOf(posts, ticket);
        assertThat(ofTicket).extracting(Post::path).contains("/standard", "/legacy");
        return ofTicket;
    }

    private static List<Post> postsOf(List<Post> posts, String ticket) {
        return posts.stream()
                .filter(post -> {
                    try {
                        return post.ticketId().equals(ticket);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** Whether every post to {@code path} verifies with the reference library's receiver. */
    private static boolean verified(List<Post> posts, String path, Webhook receiver) {
        return posts.stream().filter(post -> post.path().equals(path)).allMatch(post -> {
            try {
                receiver.verify(post.body(), post.headers());
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        });
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A store left by an earlier version, with a subscription whose secret is plain text, as it took them then. */
    private void subscribedByAnEarlierVersion(String subscriptionId, String url, String secret) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dataDir.resolve("approval") + ";DB_CLOSE_ON_EXIT=FALSE");
        h2.setUser("sa");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration/engine", "classpath:db/migration/projections")
                .target("2.30")
                .load()
                .migrate();
        JdbcClient.create(h2)
                .sql("INSERT INTO webhook_subscription (subscription_id, url, secret, events, active, created_at) "
                        + "VALUES (?, ?, ?, '[]', TRUE, ?)")
                .params(subscriptionId, url, secret, Columns.utc(Instant.now()))
                .update();
    }

    /** The receiver: checks the signature, refuses the first two attempts of each notification, then takes it. */
    private static void receive(
            HttpExchange exchange, Map<String, AtomicInteger> attempts, List<JsonNode> accepted, List<String> forged)
            throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        try {
            new Webhook(SECRET).verify(body, exchange.getRequestHeaders());
        } catch (WebhookVerificationException forgery) {
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
}
