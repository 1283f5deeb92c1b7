package org.signoff.api.masterlist;

import static org.assertj.core.api.Assertions.assertThat;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.RandomHistories;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;
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
            long seed = System.nanoTime();
            List<String> people = RandomHistories.of(scenario, 4, 3, seed);
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
}
