package org.signoff.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Problems.assertProblem;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS_READINGS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.ledger.OfflineVerifier.Verified;
import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Members;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Two institutions on one engine, their events interleaved in the store: each one's auditor exports and verifies its
 * own chain offline, against its own head, and sees nothing of the other's; the consortium verifies the whole store,
 * and an event changed behind the engine's back breaks its institution's chain and the consortium's, not the other's.
 */
class LedgerPerInstitutionTest {

    private static final String OTHER = "01BLC_BC";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static RunningService service;
    private static JdbcClient database;
    private static Api auditorOfTheDefault;
    private static Api auditorOfTheOther;
    private static Api consortium;

    @BeforeAll
    static void twoInstitutionsTakeTurnsInOneStore() {
        service = RunningService.start(dataDir);
        database = service.bean(JdbcClient.class);
        Scenario scenario = new Scenario(service.api());
        auditorOfTheDefault = service.api();
        // the other institution, a member: its first administrator audits it, its integration takes the steps
        auditorOfTheOther = Members.register(Members.consortiumAdministrator(service.api()), OTHER, "Boston College");
        Members.catalogLikeTheSeed(auditorOfTheOther, OTHER);
        Scenario other = new Scenario(auditorOfTheOther);
        consortium = service.api().withKey(key("consortium-auditor", "[\"consortium:read\"]"));

        String ours = scenario.open(scenario.requester, CHANGE_ITEMS);
        String theirs = open(other.api, other.colleague);
        for (String document : CHANGE_ITEMS_READINGS) {
            accepted(scenario.confirmReading(ours, scenario.requester, document));
            accepted(other.confirmReading(theirs, other.colleague, document));
        }
        accepted(scenario.request(ours, scenario.requester));
        accepted(other.api.post("/tickets/" + theirs + "/request", """
                {"supportTicketRef": "BC-1", "performedBy": "%s"}""".formatted(other.colleague)));
        AllSealed.await(database);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void eachInstitutionsExportHoldsItsOwnEventsOnlyAndVerifiesOfflineAgainstItsOwnHead() throws Exception {
        for (Api auditor : List.of(auditorOfTheDefault, auditorOfTheOther)) {
            JsonNode head = auditor.get("/ledger/head").body();
            String institution = head.get("institution").asText();
            String export = auditor.getText("/ledger/events");
            List<JsonNode> entries = entries(export);

            assertThat(JSON.readTree(export.lines().findFirst().orElseThrow())
                            .get("institution")
                            .asText())
                    .isEqualTo(institution);
            assertThat(entries.stream()
                            .map(entry -> entry.get("eventIdentifier").asText()))
                    .as("exactly the events of %s in the store, in the store's order", institution)
                    .containsExactlyElementsOf(eventsOf(institution));
            assertThat(entries.stream().map(entry -> entry.get("position").asLong()))
                    .as("its own positions, from 1 without a gap")
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size())
                            .boxed()
                            .toList());
            String recorded =
                    head.get("position").asLong() + ":" + head.get("hash").asText();
            Verified offline = verifyOffline(export, "--head=" + recorded);
            assertThat(offline.exit()).as(offline.out()).isZero();
            assertThat(offline.out())
                    .startsWith("INTACT: " + entries.size() + " events of institution " + institution
                            + ", positions 1 to " + entries.size() + ", head " + recorded);
            assertThat(auditor.get("/ledger/verification").body().get("intact").asBoolean())
                    .isTrue();
        }
        assertThat(eventsOf("DEFAULT")).isNotEmpty();
        assertThat(eventsOf(OTHER)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aPositionOfAnotherInstitutionsChainIsSimplyNotThere() throws Exception {
        JsonNode theirs = auditorOfTheOther.get("/ledger/head").body();
        JsonNode ours = auditorOfTheDefault.get("/ledger/head").body();
        assertThat(ours.get("position").asLong())
                .as("the default institution's chain is the longer (the seed)")
                .isGreaterThan(theirs.get("position").asLong());
        String ourPoint = ours.get("position").asLong() + ":" + ours.get("hash").asText();

        JsonNode checked =
                auditorOfTheOther.get("/ledger/verification?head=" + ourPoint).body();
        assertThat(checked.at("/firstBreak/reason").asText())
                .as(
                        "a head of the default institution's chain is past the end of the other's: not found, nothing shown")
                .contains("before the head recorded earlier");
        assertThat(verifyOffline(auditorOfTheOther.getText("/ledger/events"), "--head=" + ourPoint)
                        .exit())
                .isEqualTo(1);
    }

    @Test
    void theConsortiumReadsEveryInstitutionsHeadAndVerifiesTheWholeStore() {
        JsonNode heads = consortium.get("/consortium/ledger/head").body();
        for (Api auditor : List.of(auditorOfTheDefault, auditorOfTheOther)) {
            JsonNode head = auditor.get("/ledger/head").body();
            assertThat(heads.get("institutions").findValuesAsText("institution"))
                    .contains(head.get("institution").asText());
            heads.get("institutions").forEach(held -> {
                if (held.get("institution")
                        .asText()
                        .equals(head.get("institution").asText())) {
                    assertThat(held.get("position").asLong())
                            .isEqualTo(head.get("position").asLong());
                    assertThat(held.get("hash").asText())
                            .isEqualTo(head.get("hash").asText());
                }
            });
        }
        assertThat(heads.toString()).as("codes, positions and hashes: no event").doesNotContain("eventIdentifier");

        JsonNode verified = consortium.get("/consortium/ledger/verification").body();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        long events = database.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        long checked = 0;
        for (JsonNode chain : verified.get("institutions")) {
            checked += chain.get("checked").asLong();
        }
        assertThat(checked).as("every event of the store, each in one chain").isEqualTo(events);
        assertThat(verified.at("/consortium/checked").asLong()).isPositive();

        assertProblem(auditorOfTheDefault.get("/consortium/ledger/verification"), 403, "ACCESS_DENIED");
        assertProblem(consortium.get("/ledger/events"), 403, "ACCESS_DENIED");
    }

    @Test
    void anEventOfOneInstitutionChangedInTheDatabaseBreaksItsChainAndTheConsortiumsNotTheOthers() throws Exception {
        // the other institution's request names its support ticket: it is made to name another
        long globalIndex = eventOf(OTHER, "\"supportTicketRef\":\"" + OTHER + "/BC-1\"");
        byte[] payload = database.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(globalIndex)
                .query((rs, n) -> rs.getBytes(1))
                .single();
        String changed = new String(payload, StandardCharsets.UTF_8).replace("BC-1", "BC-2");
        assertThat(changed).isNotEqualTo(new String(payload, StandardCharsets.UTF_8));
        database.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                .params(changed.getBytes(StandardCharsets.UTF_8), globalIndex)
                .update();
        try {
            JsonNode theirs = auditorOfTheOther.get("/ledger/verification").body();
            assertThat(theirs.get("intact").asBoolean()).isFalse();
            assertThat(theirs.at("/firstBreak/globalIndex").asLong()).isEqualTo(globalIndex);
            assertThat(theirs.at("/firstBreak/reason").asText()).contains("its content does not match its seal");
            assertThat(verifyOffline(auditorOfTheOther.getText("/ledger/events"))
                            .exit())
                    .isEqualTo(1);

            assertThat(auditorOfTheDefault
                            .get("/ledger/verification")
                            .body()
                            .get("intact")
                            .asBoolean())
                    .as("the default institution's chain holds")
                    .isTrue();
            assertThat(verifyOffline(auditorOfTheDefault.getText("/ledger/events"))
                            .exit())
                    .isZero();

            JsonNode whole = consortium.get("/consortium/ledger/verification").body();
            assertThat(whole.get("intact").asBoolean()).isFalse();
            for (JsonNode chain : whole.get("institutions")) {
                assertThat(chain.get("intact").asBoolean())
                        .as(chain.toString())
                        .isEqualTo(!chain.get("institution").asText().equals(OTHER));
            }
        } finally {
            database.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(payload, globalIndex)
                    .update();
        }
        assertThat(consortium
                        .get("/consortium/ledger/verification")
                        .body()
                        .get("intact")
                        .asBoolean())
                .as("put back, the whole store verifies again")
                .isTrue();
    }

    @Test
    void anInstitutionsNewestEventsCutOffAreFoundByTheConsortiumWithoutARecordedHead() {
        JsonNode head = auditorOfTheOther.get("/ledger/head").body();
        long last = head.get("globalIndex").asLong();
        database.sql("CREATE TABLE held AS SELECT * FROM DomainEventEntry WHERE globalIndex = ?")
                .param(last)
                .update();
        database.sql("CREATE TABLE held_seal AS SELECT * FROM ledger_seal WHERE global_index = ?")
                .param(last)
                .update();
        try {
            database.sql("DELETE FROM ledger_seal WHERE global_index = ?")
                    .param(last)
                    .update();
            database.sql("DELETE FROM DomainEventEntry WHERE globalIndex = ?")
                    .param(last)
                    .update();
            database.sql("UPDATE ledger_head SET position = position - 1, hash = (SELECT hash FROM ledger_seal"
                            + " WHERE institution = ? AND position = ?), global_index = (SELECT global_index FROM"
                            + " ledger_seal WHERE institution = ? AND position = ?) WHERE institution = ?")
                    .params(
                            OTHER,
                            head.get("position").asLong() - 1,
                            OTHER,
                            head.get("position").asLong() - 1,
                            OTHER)
                    .update();

            assertThat(auditorOfTheOther
                            .get("/ledger/verification")
                            .body()
                            .get("intact")
                            .asBoolean())
                    .as("cut short, the institution's chain alone holds")
                    .isTrue();
            JsonNode whole = consortium.get("/consortium/ledger/verification").body();
            assertThat(whole.get("intact").asBoolean()).as(whole.toString()).isFalse();
            assertThat(whole.toString())
                    .contains("position " + head.get("position").asLong() + " of " + OTHER + "'s chain");
        } finally {
            database.sql("INSERT INTO DomainEventEntry SELECT * FROM held").update();
            database.sql("INSERT INTO ledger_seal SELECT * FROM held_seal").update();
            database.sql("UPDATE ledger_head SET position = ?, hash = ?, global_index = ? WHERE institution = ?")
                    .params(head.get("position").asLong(), head.get("hash").asText(), last, OTHER)
                    .update();
            database.sql("DROP TABLE held").update();
            database.sql("DROP TABLE held_seal").update();
        }
        assertThat(consortium
                        .await(
                                "/consortium/ledger/verification",
                                body -> body.get("intact").asBoolean())
                        .get("intact")
                        .asBoolean())
                .as("put back, the whole store verifies again")
                .isTrue();
    }

    // --- the other institution's credential, the store's events, the offline verifier

    private static String key(String clientId, String operations) {
        Api.Response response = service.api().post("/api-clients", """
                {"clientId": "%s", "name": "%s", "actsForAnyone": true, "operations": %s}""".formatted(clientId, clientId, operations));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("key").asText();
    }

    private static String open(Api api, String staff) {
        Api.Response response = api.post("/tickets", """
                {"jobId": "%s", "performedBy": "%s"}""".formatted(CHANGE_ITEMS, staff));
        assertThat(response.status()).as("open: %s", response.body()).isEqualTo(201);
        return response.body().get("ticketId").asText();
    }

    /** The events whose metadata names the institution (none named: the default), in the store's order. */
    private static List<String> eventsOf(String institution) {
        return database
                .sql("SELECT eventIdentifier, metaData FROM DomainEventEntry ORDER BY globalIndex")
                .query((rs, n) -> new String[] {rs.getString(1), institutionOf(rs.getBytes(2))})
                .list()
                .stream()
                .filter(event -> event[1].equals(institution))
                .map(event -> event[0])
                .toList();
    }

    /** The first event of the institution whose stored payload holds {@code text}. */
    private static long eventOf(String institution, String text) {
        Set<String> theirs = eventsOf(institution).stream().collect(Collectors.toSet());
        return database
                .sql("SELECT globalIndex, eventIdentifier, payload FROM DomainEventEntry ORDER BY globalIndex")
                .query((rs, n) -> theirs.contains(rs.getString(2))
                                && new String(rs.getBytes(3), StandardCharsets.UTF_8).contains(text)
                        ? rs.getLong(1)
                        : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow();
    }

    private static String institutionOf(byte[] metaData) {
        try {
            JsonNode named = metaData == null ? null : JSON.readTree(metaData).get("institution");
            return named == null ? "DEFAULT" : named.asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> entries(String export) {
        return export.lines()
                .skip(1)
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static Verified verifyOffline(String export, String... options) throws IOException, InterruptedException {
        return OfflineVerifier.verify(dataDir, export, options);
    }
}
