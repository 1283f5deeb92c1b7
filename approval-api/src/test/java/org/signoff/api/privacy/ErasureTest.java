package org.signoff.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
import org.signoff.ledger.VerifyCommand;

/**
 * A person with a long history (signed off after a retest, reviewer of a colleague's test, their own API key,
 * notifications sent about them, an Alma primary id) leaves and is erased. Afterwards no table, no export, no answer
 * of the API and no line of the log holds their name, their staff id or their Alma login; they show as
 * {@code erased-…} in the history and the master list as of any instant; and the ledger still verifies, live and
 * offline.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasureTest {

    private static final String NAME = "Julie Petzold";

    @TempDir
    Path dataDir;

    @Test
    void anErasedPersonIsFoundNowhereAndTheLedgerStillVerifies(CapturedOutput output) throws Exception {
        List<JsonNode> notifications = new CopyOnWriteArrayList<>();
        try (Receiver receiver = Receiver.onPort(0)
                        .on("/hooks", Receiver.keepingEach(notifications))
                        .start();
                RunningService service = RunningService.start(
                        dataDir,
                        "--approval.webhooks.poll-interval=PT0.1S",
                        "--approval.privacy.purge-interval=PT0.2S")) {
            Scenario scenario = new Scenario(service.api());
            assertThat(Receiver.subscribe(service.api(), "lts-jira", receiver.url("/hooks"), Receiver.SECRET, "")
                            .status())
                    .isEqualTo(201);
            String julie = "jpetzold-" + ProcessHandle.current().pid();
            assertThat(scenario.admin
                            .post("/staff", """
                            {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": ["STAFF", "SYSTEMS_LIBRARIAN"]}""".formatted(julie, NAME, scenario.unit))
                            .status())
                    .isEqualTo(201);
            Scenario.attended(scenario.admin, julie, Scenario.CHANGE_ITEMS_CLASSES);
            String almaLogin = "julie.petzold@hks.example.edu";
            assertThat(scenario.admin
                            .put("/staff/" + julie + "/alma-primary-id", """
                            {"almaPrimaryId": "%s"}""".formatted(almaLogin))
                            .status())
                    .isEqualTo(204);
            assertThat(scenario.admin
                            .get("/staff/" + julie)
                            .body()
                            .get("almaPrimaryId")
                            .asText())
                    .isEqualTo(almaLogin);
            assertThat(scenario.admin.post("/api-clients", """
                            {"clientId": "desk-7", "name": "A desk", "staffId": "%s", "operations": ["tickets:read"]}""".formatted(julie)).status())
                    .isEqualTo(201);
            String job = "erasure-job";
            assertThat(scenario.api
                            .post("/jobs", """
                            {"jobId": "%s", "performedBy": "%s", "definition": {"scope": "Items", "name": "Items",
                             "requiredReadings": [{"documentId": "guide", "title": "Guide", "version": "1"}]}}""".formatted(job, scenario.librarian))
                            .status())
                    .isEqualTo(201);

            // her own sign-off, after a retest
            String hers = scenario.open(julie, job);
            accepted(scenario.confirmReading(hers, julie, "guide"));
            accepted(scenario.request(hers, julie));
            accepted(scenario.grantSandbox(hers, scenario.librarian));
            accepted(scenario.reportTest(hers, julie));
            accepted(scenario.api.post("/tickets/" + hers + "/retest-request", """
                    {"reason": "Julie Petzold ran it on the wrong set", "performedBy": "%s"}""".formatted(scenario.librarian)));
            accepted(scenario.reportTest(hers, julie));
            accepted(scenario.approve(hers, scenario.librarian, false));
            // and a colleague's, which she granted and reviewed
            String amys = scenario.open(scenario.requester, job);
            accepted(scenario.confirmReading(amys, scenario.requester, "guide"));
            accepted(scenario.request(amys, scenario.requester));
            accepted(scenario.grantSandbox(amys, julie));
            accepted(scenario.reportTest(amys, scenario.requester));
            accepted(scenario.api.post("/tickets/" + amys + "/approval", """
                    {"roleUpdateNeeded": false, "comment": "checked by %s", "performedBy": "%s"}""".formatted(julie, julie)));
            scenario.awaitOnMasterList("Items", job, julie, 1);
            Instant signedOff = Instant.now();
            awaitNotifications(notifications, 10);

            assertThat(scenario.admin.post("/staff/" + julie + "/erasure", "{}").code())
                    .as("only someone who left")
                    .isEqualTo("STAFF_MEMBER_NOT_LEFT");
            assertThat(scenario.admin
                            .post("/staff/" + julie + "/departure", "{\"reason\": \"moved to another library\"}")
                            .status())
                    .isEqualTo(200);
            JsonNode erased = accepted(scenario.admin.post("/staff/" + julie + "/erasure", "{}"));
            String erasedAs = erased.get("erasedAs").asText();
            assertThat(erasedAs).startsWith("erased-");
            assertThat(scenario.admin.post("/staff/" + julie + "/erasure", "{}").status())
                    .as("nobody is known by that staff id any more")
                    .isEqualTo(404);

            JdbcClient database = service.bean(JdbcClient.class);
            awaitForgotten(database);
            JsonNode herTicket = scenario.awaitTicket(hers, "REQUESTER_LEFT");
            assertThat(herTicket.at("/ticket/staffId").asText()).isEqualTo(erasedAs);
            JsonNode amysTicket = scenario.api.get("/tickets/" + amys).body();
            assertThat(amysTicket.toString()).contains(erasedAs);
            JsonNode then = scenario.admin.get("/master-list?at=" + signedOff).body();
            assertThat(Scenario.entries(then, "Items", job, erasedAs)).hasSize(1);
            assertThat(scenario.admin.get("/staff/" + erasedAs + "/history").status())
                    .isEqualTo(200);
            assertThat(scenario.admin
                            .get("/staff/" + erasedAs)
                            .body()
                            .get("almaPrimaryId")
                            .isNull())
                    .as("her Alma primary id is gone with her name")
                    .isTrue();
            assertThat(herTicket.toString())
                    .as("the free text about her reads as erased")
                    .contains("\"reason\":\"[erased]\"");
            assertThat(amysTicket.toString())
                    .as("what others wrote about others stays")
                    .contains("40 items moved to the new location")
                    .contains("\"comment\":\"[erased]\"");

            // a step on her ended ticket, decided on the ticket as the engine holds it in memory: its refusal (below)
            // names her no more than the store does
            String refusal =
                    scenario.submitRoleRequest(hers, scenario.liaison).body().toString();

            List<String> found = new ArrayList<>();
            found.addAll(everyTableHolding(database, julie, NAME));
            String export = service.api().getText("/ledger/events");
            List<String> answers = List.of(
                    export,
                    refusal,
                    herTicket.toString(),
                    amysTicket.toString(),
                    then.toString(),
                    scenario.admin.get("/staff/" + erasedAs).body().toString(),
                    scenario.admin.get("/staff/" + erasedAs + "/history").body().toString(),
                    scenario.admin.get("/jobs/" + job + "/history").body().toString(),
                    scenario.admin
                            .get("/staff/" + erasedAs + "/permissions")
                            .body()
                            .toString());
            for (String answer : answers) {
                if (holds(answer, julie, NAME)) {
                    found.add("an answer or export: " + answer);
                }
            }
            if (holds(output.getAll(), julie, NAME)) {
                found.add("the log");
            }
            assertThat(found).as("where the erased person was still found").isEmpty();

            assertThat(service.api().ledgerIntact()).isTrue();
            Path file = Files.createTempFile(dataDir, "export", ".jsonl");
            Files.writeString(file, export);
            Process verifier = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-cp",
                            System.getProperty("java.class.path"),
                            VerifyCommand.class.getName(),
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            String verdict = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(verifier.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(verdict).startsWith("INTACT");
        }
    }

    /** Each table and column holding either text (any case), as {@code table.column}. */
    private static List<String> everyTableHolding(JdbcClient database, String... texts) {
        List<String> found = new ArrayList<>();
        for (String table : database.sql(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")
                .query(String.class)
                .list()) {
            database.sql("SELECT * FROM \"" + table + "\"").query(rs -> {
                ResultSetMetaData columns = rs.getMetaData();
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    String text = value instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.UTF_8)
                            : String.valueOf(value);
                    if (holds(text, texts)) {
                        found.add(table + "." + columns.getColumnName(c) + ": " + text);
                    }
                }
            });
        }
        return found;
    }

    private static boolean holds(String text, String... needles) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String needle : needles) {
            if (lower.contains(needle.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return lower.contains("petzold");
    }

    /** The erased staff id, kept aside until every read model replaced it, is forgotten. */
    private static void awaitForgotten(JdbcClient database) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (database.sql("SELECT COUNT(*) FROM staff_pseudonym WHERE erased_staff_id IS NOT NULL")
                            .query(Long.class)
                            .single()
                    == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the erased staff id was never forgotten");
    }

    private static void awaitNotifications(List<JsonNode> notifications, int count) throws InterruptedException {
        Receiver.awaitPosts(() -> notifications, count, Duration.ofSeconds(10));
        assertThat(notifications.size()).isGreaterThanOrEqualTo(count);
    }
}
