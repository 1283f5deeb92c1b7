package org.signoff.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.ledger.OfflineVerifier.Verified;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * An auditor trusts the history without trusting the service: every event is sealed into a hash chain, the export
 * verifies with a separate program and no database, and every change made to the stored events behind the engine's
 * back (an edited payload or metadata, a deletion, an insertion, a reordering, the newest events cut off) is found by
 * that program and by the service's own check of its live store.
 */
class LedgerTest {

    @TempDir
    static Path dataDir;

    private static RunningService service;
    private static Scenario scenario;
    private static JdbcClient database;

    @BeforeAll
    static void aHistoryWithAGapInItsGlobalIndexes() {
        service = RunningService.start(dataDir, "--approval.ledger.gap-timeout=PT1S");
        scenario = new Scenario(service.api());
        database = service.bean(JdbcClient.class);
        accepted(scenario.approve(scenario.ticketAwaitingReview(), scenario.librarian, false));
        // numbers taken by transactions that rolled back leave gaps, which the sealer passes after the gap timeout
        long next = database.sql("SELECT MAX(globalIndex) FROM DomainEventEntry")
                        .query(Long.class)
                        .single()
                + 20;
        database.sql("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH " + next)
                .update();
        String second = scenario.open(scenario.colleague, CHANGE_ITEMS);
        Scenario.CHANGE_ITEMS_READINGS.forEach(
                document -> accepted(scenario.confirmReading(second, scenario.colleague, document)));
        accepted(scenario.request(second, scenario.colleague));
        AllSealed.await(database);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyEventIsSealedAndTheExportVerifiesOfflineAndLive() throws Exception {
        JsonNode head = service.api().get("/ledger/head").body();
        long events = database.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();

        assertThat(head.get("position").asLong()).isEqualTo(events);
        assertThat(head.get("hash").asText()).hasSize(64);
        Verified offline = verifyOffline(export(""));
        assertThat(offline.exit()).as(offline.out()).isZero();
        assertThat(offline.out())
                .startsWith("INTACT: " + events + " events of institution DEFAULT, positions 1 to " + events + ", head "
                        + events + ":" + head.get("hash").asText());
        JsonNode live = service.api().get("/ledger/verification").body();
        assertThat(live.get("intact").asBoolean()).isTrue();
        assertThat(live.get("recordedHeadChecked").asBoolean())
                .as("no head was given")
                .isFalse();
    }

    @Test
    void anExportOfATimeRangeVerifiesFromTheSealBeforeIt() throws Exception {
        List<String> times = database.sql("SELECT timeStamp FROM DomainEventEntry ORDER BY globalIndex")
                .query(String.class)
                .list();
        String from = times.get(times.size() / 2);

        String export = export("?from=" + from);

        assertThat(export.lines().skip(1).count())
                .isEqualTo(times.stream().filter(t -> t.compareTo(from) >= 0).count());
        assertThat(export.lines().findFirst().orElseThrow()).contains("\"from\":\"" + from + "\"");
        assertThat(verifyOffline(export).exit()).isZero();
    }

    @Test
    void anEditedPayloadIsFound() throws Exception {
        // the store holds people by pseudonym: one person's step becomes another's
        long globalIndex = sealedEventMentioning(pseudonymOf(scenario.requester));
        byte[] payload = column("payload", globalIndex);
        String changed = new String(payload, StandardCharsets.UTF_8)
                .replace(pseudonymOf(scenario.requester), pseudonymOf(scenario.colleague));
        assertThat(changed).isNotEqualTo(new String(payload, StandardCharsets.UTF_8));

        tampered(
                "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
                List.of(changed.getBytes(StandardCharsets.UTF_8), globalIndex),
                "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
                List.of(payload, globalIndex),
                "global index " + globalIndex,
                "its content does not match its seal");
    }

    @Test
    void editedMetadataIsFound() throws Exception {
        long globalIndex = sealedEvent(5);
        byte[] metaData = column("metaData", globalIndex);

        tampered(
                "UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                List.of("{\"client\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8), globalIndex),
                "UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                List.of(metaData, globalIndex),
                "global index " + globalIndex,
                "its content does not match its seal");
    }

    @Test
    void aDeletedEventIsFound() throws Exception {
        long globalIndex = sealedEvent(4);
        database.sql("CREATE TABLE held AS SELECT * FROM DomainEventEntry WHERE globalIndex = ?")
                .param(globalIndex)
                .update();
        try {
            tampered(
                    "DELETE FROM DomainEventEntry WHERE globalIndex = ?",
                    List.of(globalIndex),
                    "INSERT INTO DomainEventEntry SELECT * FROM held",
                    List.of(),
                    "position 5",
                    "position 4 is missing: its event (or its seal) was deleted");
        } finally {
            database.sql("DROP TABLE held").update();
        }
    }

    @Test
    void anEventInsertedAmongSealedOnesIsFound() throws Exception {
        long unused = database.sql("SELECT MIN(globalIndex) + 1 FROM DomainEventEntry e WHERE NOT EXISTS"
                        + " (SELECT 1 FROM DomainEventEntry n WHERE n.globalIndex = e.globalIndex + 1)")
                .query(Long.class)
                .single();
        assertThat(unused).as("a global index in the gap").isLessThan(headGlobalIndex());
        long copied = sealedEvent(6);

        tampered(
                "INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,"
                        + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                        + " SELECT ?, aggregateIdentifier, 1000, type, 'forged-event', metaData, payload,"
                        + " payloadRevision, payloadType, timeStamp FROM DomainEventEntry WHERE globalIndex = ?",
                List.of(unused, copied),
                "DELETE FROM DomainEventEntry WHERE eventIdentifier = 'forged-event'",
                List.of(),
                "global index " + unused + ", event forged-event",
                "has no seal, yet lies among sealed events");
    }

    @Test
    void reorderedEventsAreFound() throws Exception {
        long first = sealedEvent(7);
        long second = sealedEvent(8);
        String swap = "UPDATE DomainEventEntry SET globalIndex = CASE globalIndex WHEN ? THEN ? ELSE ? END"
                + " WHERE globalIndex IN (?, ?)";

        tampered(
                swap,
                List.of(first, second, first, first, second),
                swap,
                List.of(first, second, first, first, second),
                "position 7",
                "its content does not match its seal");
    }

    @Test
    void aChainCutShortOrRewrittenIsFoundAgainstAHeadRecordedEarlier() throws Exception {
        String recorded = headPoint();
        String earlier = database.sql("SELECT position || ':' || hash FROM ledger_seal WHERE position = 3")
                .query(String.class)
                .single();
        assertThat(verifyOffline(export(""), "--head=" + earlier).exit()).isZero();
        assertThat(service.api()
                        .get("/ledger/verification?head=" + earlier)
                        .body()
                        .get("recordedHeadChecked")
                        .asBoolean())
                .isTrue();
        assertThat(service.api()
                        .get("/ledger/verification?head=" + recorded.replace(':', '-'))
                        .code())
                .isEqualTo("MALFORMED_REQUEST");

        String cutShort = "UPDATE ledger_head SET position = position - 1, global_index = (SELECT global_index FROM"
                + " ledger_seal WHERE position = (SELECT MAX(position) - 1 FROM ledger_seal)), hash = (SELECT hash"
                + " FROM ledger_seal WHERE position = (SELECT MAX(position) - 1 FROM ledger_seal)) WHERE institution = 'DEFAULT'";
        long last = headGlobalIndex();
        database.sql("CREATE TABLE held AS SELECT * FROM DomainEventEntry WHERE globalIndex = ?")
                .param(last)
                .update();
        database.sql("CREATE TABLE held_seal AS SELECT * FROM ledger_seal WHERE global_index = ?")
                .param(last)
                .update();
        try {
            database.sql(cutShort).update();
            database.sql("DELETE FROM ledger_seal WHERE global_index = ?")
                    .param(last)
                    .update();
            database.sql("DELETE FROM DomainEventEntry WHERE globalIndex = ?")
                    .param(last)
                    .update();

            assertThat(verifyOffline(export("")).exit())
                    .as("cut short, the chain alone holds")
                    .isZero();
            Verified against = verifyOffline(export(""), "--head=" + recorded);
            assertThat(against.exit()).isEqualTo(1);
            assertThat(against.out()).contains("before the head recorded earlier");
            assertThat(service.api()
                            .get("/ledger/verification?head=" + recorded)
                            .body()
                            .at("/firstBreak/reason")
                            .asText())
                    .contains("before the head recorded earlier");
        } finally {
            database.sql("INSERT INTO DomainEventEntry SELECT * FROM held").update();
            database.sql("INSERT INTO ledger_seal SELECT * FROM held_seal").update();
            database.sql(
                            "UPDATE ledger_head SET position = (SELECT MAX(position) FROM ledger_seal), global_index = ?,"
                                    + " hash = (SELECT hash FROM ledger_seal WHERE global_index = ?) WHERE institution = 'DEFAULT'")
                    .params(last, last)
                    .update();
            database.sql("DROP TABLE held").update();
            database.sql("DROP TABLE held_seal").update();
        }
        assertThat(verifyOffline(export(""), "--head=" + recorded).exit()).isZero();
    }

    @Test
    void onlyCallersWhoMayAuditReadTheLedger() {
        assertThat(scenario.api.get("/ledger/head").code())
                .as("an integration without audit:read")
                .isEqualTo("ACCESS_DENIED");
        assertThat(scenario.api.get("/ledger/events").status()).isEqualTo(403);
        assertThat(service.api()
                        .get("/ledger/events?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z")
                        .code())
                .isEqualTo("INVALID_REQUEST");
    }

    // --- tampering, and both verifiers

    /** Changes the store, checks both verifiers find it where expected, and puts the store back. */
    private void tampered(
            String change, List<Object> changeParams, String undo, List<Object> undoParams, String where, String why)
            throws Exception {
        database.sql(change).params(changeParams).update();
        try {
            Verified offline = verifyOffline(export(""));
            assertThat(offline.exit()).as(offline.out()).isEqualTo(1);
            assertThat(offline.out())
                    .startsWith("BROKEN at line")
                    .contains(where)
                    .contains(why);

            JsonNode live = service.api().get("/ledger/verification").body();
            assertThat(live.get("intact").asBoolean()).isFalse();
            assertThat(live.at("/firstBreak/reason").asText()).contains(why);
        } finally {
            database.sql(undo).params(undoParams).update();
        }
        assertThat(verifyOffline(export("")).exit())
                .as("put back, it verifies again")
                .isZero();
    }

    private static String export(String query) {
        return service.api().getText("/ledger/events" + query);
    }

    private static Verified verifyOffline(String export, String... options) throws IOException, InterruptedException {
        return OfflineVerifier.verify(dataDir, export, options);
    }

    private static long sealedEvent(int position) {
        return database.sql("SELECT global_index FROM ledger_seal WHERE position = ?")
                .param(position)
                .query(Long.class)
                .single();
    }

    private static String pseudonymOf(String staffId) {
        return database.sql("SELECT pseudonym FROM staff_pseudonym WHERE staff_id = ?")
                .param(staffId)
                .query(String.class)
                .single();
    }

    private static long sealedEventMentioning(String text) {
        return database
                .sql("SELECT globalIndex, payload FROM DomainEventEntry ORDER BY globalIndex")
                .query((rs, n) ->
                        new String(rs.getBytes(2), StandardCharsets.UTF_8).contains(text) ? rs.getLong(1) : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow();
    }

    private static long headGlobalIndex() {
        return service.api().get("/ledger/head").body().get("globalIndex").asLong();
    }

    private static String headPoint() {
        JsonNode head = service.api().get("/ledger/head").body();
        return head.get("position").asLong() + ":" + head.get("hash").asText();
    }

    private static byte[] column(String name, long globalIndex) {
        return database.sql("SELECT " + name + " FROM DomainEventEntry WHERE globalIndex = ?")
                .param(globalIndex)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }
}
