package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.Scenario.accepted;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.ledger.LedgerEntry;
import org.signoff.ledger.LedgerFile;

/**
 * "Who could run this job on that date, who approved it, and on what evidence?" After a long random history, driven
 * by several integrations at once, the master list as of any instant is exactly what a direct fold over the stored
 * events up to that instant gives, for many random instants and at the very instants sign-offs began and ended.
 */
class PointInTimeMasterListTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void theListAsOfAnyInstantIsTheFoldOfTheEventsUpToIt() throws Exception {
        try (RunningService service = RunningService.start(dataDir)) {
            Scenario scenario = new Scenario(service.api());
            List<String> people = new ArrayList<>(List.of(scenario.requester, scenario.colleague));
            for (int n = 0; n < 4; n++) {
                people.add(register(scenario, "tester-" + n));
            }
            Map<String, List<JsonNode>> jobs = jobsWithoutVariants(scenario.api, 3);

            ExecutorService integrations = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            long seed = System.nanoTime();
            int worker = 0;
            for (String person : people) {
                for (Map.Entry<String, List<JsonNode>> job : jobs.entrySet()) {
                    Random random = new Random(seed + worker++);
                    running.add(integrations.submit(
                            () -> randomHistory(scenario, random, person, job.getKey(), job.getValue())));
                }
            }
            for (Future<?> history : running) {
                history.get();
            }
            integrations.shutdown();
            // one of them leaves: whatever of theirs is signed off ends there and then
            assertThat(scenario.admin
                            .post("/staff/" + people.get(2) + "/departure", """
                                    {"reason": "moved to another library"}""")
                            .status())
                    .isEqualTo(200);

            // the ledger holds people by pseudonym: the directory tells whose each is
            Map<String, String> who = new HashMap<>();
            List<String> everyone = new ArrayList<>(people);
            everyone.addAll(List.of(scenario.librarian, scenario.librarianWhoAsks, scenario.liaison, scenario.support));
            for (String person : everyone) {
                who.put(
                        scenario.admin
                                .get("/staff/" + person)
                                .body()
                                .get("pseudonym")
                                .asText(),
                        person);
            }
            List<LedgerEntry> events = allSealed(service);
            Instant first = Instant.parse(events.get(0).timestamp());
            Instant last = Instant.parse(events.get(events.size() - 1).timestamp());
            Random random = new Random(seed);
            TreeSet<Instant> instants = new TreeSet<>();
            for (int n = 0; n < 40; n++) {
                instants.add(first.plusNanos((long) (random.nextDouble()
                                * Duration.between(first, last).toNanos())
                        / 1000
                        * 1000));
            }
            for (LedgerEntry event : events) {
                if (event.payloadType().endsWith("ProductionUseApproved")
                        || event.payloadType().endsWith("ProductionUseRevoked")
                        || event.payloadType().endsWith("RequestWithdrawn")
                        || event.payloadType().endsWith("RequesterLeft")
                        || event.payloadType().endsWith("ProductionRoleUpdated")) {
                    Instant at = Instant.parse(event.timestamp());
                    instants.add(at);
                    instants.add(at.minusNanos(1000));
                }
            }
            instants.add(last.plusSeconds(1));
            List<String> now = fold(who, events, last.plusSeconds(1));
            scenario.api.await("/master-list", body -> served(body).equals(now)); // the read model has caught up

            int nonEmpty = 0;
            for (Instant at : instants) {
                List<String> folded = fold(who, events, at);
                List<String> served =
                        served(scenario.api.get("/master-list?at=" + at).body());
                assertThat(served)
                        .as("the master list as of %s (seed %s)", at, seed)
                        .isEqualTo(folded);
                nonEmpty += folded.isEmpty() ? 0 : 1;
            }
            assertThat(nonEmpty).as("a history in which people were signed off").isGreaterThan(instants.size() / 2);
            assertThat(served(scenario.api.get("/master-list").body()))
                    .as("now is the last instant")
                    .isEqualTo(fold(who, events, last.plusSeconds(1)));
        }
    }

    /** One person's tickets on one job: tested, retested, denied, approved, revoked and withdrawn at random. */
    private static void randomHistory(
            Scenario scenario, Random random, String person, String jobId, List<JsonNode> readings) {
        for (int attempt = 0; attempt < 3; attempt++) {
            String ticket = scenario.open(person, jobId);
            for (JsonNode reading : readings) {
                accepted(scenario.api.post("/tickets/" + ticket + "/readings", """
                        {"documentId": "%s", "version": "%s", "performedBy": "%s"}""".formatted(
                                reading.get("documentId").asText(),
                                reading.get("version").asText(),
                                person)));
            }
            if (random.nextInt(10) == 0) {
                accepted(scenario.withdraw(ticket, person));
                continue;
            }
            accepted(scenario.request(ticket, person));
            accepted(scenario.grantSandbox(ticket, scenario.librarian));
            String review;
            do {
                accepted(scenario.api.post("/tickets/" + ticket + "/sandbox-test", """
                        {"jobInstanceRef": "job-%d", "recordsProcessed": %d, "outcome": "%s", "notes": "run %d",
                         "attachments": %s, "performedBy": "%s"}""".formatted(
                                random.nextInt(1_000_000),
                                random.nextInt(5000),
                                random.nextBoolean() ? "SUCCEEDED" : "COMPLETED_WITH_ERRORS",
                                attempt,
                                random.nextBoolean() ? "[]" : "[\"https://alma.example/report/" + attempt + "\"]",
                                person)));
                int dice = random.nextInt(10);
                review = dice < 2 ? "retest" : dice < 3 ? "deny" : "approve";
                if (review.equals("retest")) {
                    accepted(scenario.requestRetest(ticket, scenario.librarian));
                }
            } while (review.equals("retest"));
            if (review.equals("deny")) {
                accepted(scenario.deny(ticket, scenario.librarian));
                continue;
            }
            boolean roleUpdate = random.nextBoolean();
            accepted(scenario.approve(ticket, scenario.librarianWhoAsks, roleUpdate));
            if (roleUpdate && random.nextInt(4) > 0) {
                accepted(scenario.submitRoleRequest(ticket, scenario.liaison));
                accepted(scenario.confirmRoleUpdate(ticket, scenario.support));
            } else if (roleUpdate && random.nextBoolean()) {
                accepted(scenario.withdraw(ticket, person));
                continue;
            }
            if (random.nextInt(3) > 0) {
                return; // signed off, and stays so
            }
            accepted(scenario.revoke(ticket, scenario.librarian));
        }
    }

    /** The master list as of {@code at}, folded straight from the stored events up to it. */
    private static List<String> fold(Map<String, String> who, List<LedgerEntry> events, Instant at) throws Exception {
        Map<String, JsonNode> lastTest = new HashMap<>();
        Map<String, Map<String, Object>> listed = new HashMap<>();
        for (LedgerEntry event : events) {
            Instant time = Instant.parse(event.timestamp());
            if (time.isAfter(at)) {
                continue;
            }
            JsonNode payload = JSON.readTree(event.payload());
            String ticket = payload.path("ticketId").asText();
            String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
            switch (type) {
                case "SandboxTestReported" ->
                    lastTest.put(
                            ticket,
                            JSON.createObjectNode()
                                    .put("at", time.toString())
                                    .put(
                                            "performedBy",
                                            who.get(payload.get("performedBy").asText()))
                                    .setAll((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("evidence")));
                case "ProductionUseApproved" -> {
                    Map<String, Object> entry = new HashMap<>();
                    entry.put("job", payload.get("jobId").asText());
                    entry.put("variant", payload.path("variant").asText(null));
                    entry.put("staff", who.get(payload.get("staffId").asText()));
                    entry.put("approvedBy", who.get(payload.get("performedBy").asText()));
                    entry.put("approvedAt", time);
                    entry.put("pending", payload.get("roleUpdateNeeded").asBoolean());
                    entry.put("test", lastTest.get(ticket));
                    listed.put(ticket, entry);
                }
                case "ProductionRoleUpdated" -> {
                    if (listed.containsKey(ticket)) {
                        listed.get(ticket).put("pending", false);
                    }
                }
                case "ProductionUseRevoked", "RequestWithdrawn", "ProductionUseLapsed", "RequesterLeft" ->
                    listed.remove(ticket);
                default -> {}
            }
        }
        List<String> lines = new ArrayList<>();
        listed.forEach((ticket, entry) -> {
            JsonNode test = (JsonNode) entry.get("test");
            lines.add(String.join(
                    " | ",
                    String.valueOf(entry.get("job")),
                    String.valueOf(entry.get("variant")),
                    String.valueOf(entry.get("staff")),
                    ticket,
                    String.valueOf(entry.get("approvedBy")),
                    String.valueOf(entry.get("approvedAt")),
                    "pending=" + entry.get("pending"),
                    test.get("jobInstanceRef").asText(),
                    test.get("recordsProcessed").asText(),
                    test.get("outcome").asText(),
                    test.get("attachments").toString(),
                    test.get("performedBy").asText(),
                    Instant.parse(test.get("at").asText()).toString()));
        });
        return lines.stream().sorted().toList();
    }

    /** The same lines from the API's answer. */
    private static List<String> served(JsonNode masterList) {
        List<String> lines = new ArrayList<>();
        masterList
                .get("scopes")
                .forEach(scope -> scope.get("jobs").forEach(job -> {
                    job.get("staff").forEach(person -> lines.add(line(job, null, person)));
                    job.get("variants")
                            .forEach(variant -> variant.get("staff")
                                    .forEach(person -> lines.add(
                                            line(job, variant.get("variant").asText(), person))));
                }));
        return lines.stream().sorted().toList();
    }

    private static String line(JsonNode job, String variant, JsonNode person) {
        JsonNode test = person.get("evidence");
        return String.join(
                " | ",
                job.get("jobId").asText(),
                String.valueOf(variant),
                person.get("staffId").asText(),
                person.get("ticketId").asText(),
                person.get("approvedBy").asText(),
                Instant.parse(person.get("approvedAt").asText()).toString(),
                "pending=" + person.get("rolePending").asBoolean(),
                test.get("jobInstanceRef").asText(),
                test.get("recordsProcessed").asText(),
                test.get("outcome").asText(),
                test.get("attachments").toString(),
                test.get("reportedBy").asText(),
                Instant.parse(test.get("reportedAt").asText()).toString());
    }

    private static List<LedgerEntry> allSealed(RunningService service) throws Exception {
        long stored = service.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        service.api().await("/ledger/head", head -> head.get("position").asLong() == stored);
        String export = service.api().getText("/ledger/events");
        List<LedgerEntry> events = new ArrayList<>();
        try (LedgerFile.Reader reader =
                new LedgerFile.Reader(new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)))) {
            reader.header();
            for (LedgerEntry entry = reader.next(); entry != null; entry = reader.next()) {
                events.add(entry);
            }
        }
        return events;
    }

    private static String register(Scenario scenario, String name) {
        String id = name + "-" + System.nanoTime() % 100_000;
        assertThat(scenario.admin
                        .post("/staff", """
                        {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": ["STAFF"], "liaisonUnits": [],
                         "performedBy": "admin"}""".formatted(id, name, scenario.unit))
                        .status())
                .isEqualTo(201);
        return id;
    }

    private static Map<String, List<JsonNode>> jobsWithoutVariants(Api api, int count) {
        Map<String, List<JsonNode>> jobs = new java.util.LinkedHashMap<>();
        for (JsonNode job : api.get("/jobs?limit=100").body()) {
            if (jobs.size() < count && job.get("variants").isEmpty()) {
                List<JsonNode> readings = new ArrayList<>();
                job.get("requiredReadings").forEach(readings::add);
                jobs.put(job.get("jobId").asText(), readings);
            }
        }
        return jobs;
    }
}
