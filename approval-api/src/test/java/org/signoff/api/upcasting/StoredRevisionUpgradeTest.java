package org.signoff.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.accepted;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * A store written by an earlier version holds a Sandbox test report of revision 1. After the upgrade the ticket goes
 * on from it, the master list shows its evidence, the history shows it in today's shape, and the ledger, which
 * sealed it as stored, still verifies.
 */
class StoredRevisionUpgradeTest {

    @TempDir
    Path dataDir;

    @Test
    void aTicketGoesOnFromATestReportStoredInItsFirstShape() throws Exception {
        Scenario scenario;
        String ticket;
        try (RunningService earlier = RunningService.start(dataDir)) {
            scenario = new Scenario(earlier.api());
            ticket = scenario.open(scenario.requester, Scenario.CHANGE_ITEMS);
            scenario.readAll(ticket, Scenario.CHANGE_ITEMS_READINGS);
            accepted(scenario.request(ticket, scenario.requester));
            accepted(scenario.grantSandbox(ticket, scenario.librarian));
            scenario.awaitTicket(ticket, "AWAITING_TEST");
            JdbcClient store = earlier.bean(JdbcClient.class);
            long next = store.sql("SELECT MAX(sequenceNumber) + 1 FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                    .param(ticket)
                    .query(Long.class)
                    .single();
            String stored;
            try (InputStream fixture =
                    getClass().getResourceAsStream("/stored-events/SandboxTestReported-revision-1.json")) {
                stored = new String(fixture.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("01a20a03-1227-71c7-a1f4-f32c06289d32", ticket)
                        .replace("amy-1417-1", scenario.requester);
            }
            // the row as the earlier version wrote it: no revision
            store.sql("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                            + " metaData, payload, payloadRevision, payloadType, timeStamp)"
                            + " VALUES (?, ?, 'SignOffTicket', ?, ?, ?, NULL, ?, ?)")
                    .params(
                            ticket,
                            next,
                            UUID.randomUUID().toString(),
                            "{}".getBytes(StandardCharsets.UTF_8),
                            stored.getBytes(StandardCharsets.UTF_8),
                            "org.signoff.ticket.api.SandboxTestReported",
                            Instant.now().toString())
                    .update();
        }

        try (RunningService upgraded = RunningService.start(dataDir)) {
            Scenario again = scenario.reconnect(upgraded.api());
            assertThat(accepted(again.approve(ticket, scenario.librarian, false))
                            .get("status")
                            .asText())
                    .as("the ticket was at review, as the stored report left it")
                    .isEqualTo("COMPLETED");

            JsonNode entry = again.awaitOnMasterList("Items", Scenario.CHANGE_ITEMS, scenario.requester, 1);
            assertThat(entry.at("/evidence/jobInstanceRef").asText()).isEqualTo("job-88123");
            assertThat(entry.at("/evidence/recordsProcessed").asLong()).isEqualTo(40);
            assertThat(entry.at("/evidence/attachments").isEmpty()).isTrue();

            JsonNode history = again.awaitTicket(ticket, "COMPLETED").get("history");
            JsonNode report = Scenario.steps(again.api.get("/tickets/" + ticket).body()).stream()
                    .filter(step -> step.get("event").asText().equals("SandboxTestReported"))
                    .findFirst()
                    .orElseThrow();
            assertThat(report.at("/details/evidence/outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(history.size()).isGreaterThan(0);

            long events = upgraded.bean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM DomainEventEntry")
                    .query(Long.class)
                    .single();
            JsonNode verified = again.admin.await(
                    "/ledger/verification", body -> body.get("checked").asLong() == events);
            assertThat(verified.get("intact").asBoolean()).isTrue();
        }
    }
}
