package org.signoff.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS_READINGS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.nio.file.Path;
import java.util.UUID;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Concurrently;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Ticketing systems retry. A command sent again with the same {@code Idempotency-Key} is answered as the first time
 * and writes nothing, also after a restart; the same key with another request is refused.
 */
class IdempotencyTest {

    private static final String KEY = "Idempotency-Key";

    @Test
    void aRetriedOpenAnswersTheSameTicketAndOpensNoOther() {
        Scenario scenario = new Scenario(RunningService.shared().api());
        String key = UUID.randomUUID().toString();
        String open = "{\"jobId\": \"%s\", \"performedBy\": \"%s\"}".formatted(CHANGE_ITEMS, scenario.requester);

        Response first = scenario.api.post("/tickets", open, KEY, key);
        Response retry = scenario.api.post("/tickets", open, KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(retry.body()).isEqualTo(first.body());
        String ticket = first.body().get("ticketId").asText();
        assertThat(events(RunningService.shared(), ticket))
                .as("one opening, with its wait's deadlines")
                .isEqualTo(2);
    }

    @Test
    void aRetriedStepIsAnsweredAsTheFirstTimeAndAKeyReusedForAnotherRequestIsRefused() {
        Scenario scenario = new Scenario(RunningService.shared().api());
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        String key = UUID.randomUUID().toString();
        String reading = """
                {"documentId": "jobs-overview", "version": "1", "performedBy": "%s"}""".formatted(scenario.requester);

        Response first = scenario.api.post("/tickets/" + ticket + "/readings", reading, KEY, key);
        Response retry = scenario.api.post("/tickets/" + ticket + "/readings", reading, KEY, key);
        assertThat(accepted(retry)).isEqualTo(accepted(first));
        assertThat(events(RunningService.shared(), ticket))
                .as("no second confirmation")
                .isEqualTo(3);

        Response other = scenario.api.post(
                "/tickets/" + ticket + "/readings", reading.replace("jobs-overview", "required-readings"), KEY, key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Response anotherClient = scenario.admin
                .withKey(Scenario.integrationKey(scenario.admin, "other-" + scenario.unit.toLowerCase()))
                .post("/tickets/" + ticket + "/readings", reading, KEY, key);
        assertThat(anotherClient.code())
                .as("keys are per client: for another, it is a new request")
                .isEqualTo("ALREADY_CONFIRMED");

        assertThat(scenario.api
                        .post("/tickets/" + ticket + "/readings", reading, KEY, "bad key with spaces")
                        .code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(events(RunningService.shared(), ticket)).isEqualTo(3);
    }

    @Test
    void theSameRequestSentEightTimesAtOnceWithOneKeyIsTakenOnceAndAnsweredAlike() throws Exception {
        Scenario scenario = new Scenario(RunningService.shared().api());
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS);
        String key = UUID.randomUUID().toString();
        String request = """
                {"supportTicketRef": "LTS-%s", "performedBy": "%s"}""".formatted(ticket, scenario.requester);

        for (Response answer :
                Concurrently.all(8, () -> scenario.api.post("/tickets/" + ticket + "/request", request, KEY, key))) {
            assertThat(accepted(answer).get("status").asText()).isEqualTo("AWAITING_SANDBOX_GRANT");
        }
        assertThat(events(RunningService.shared(), ticket))
                .as("opened, read three times, asked once: each wait with its deadlines")
                .isEqualTo(7);
    }

    @TempDir
    Path dataDir;

    @Test
    void aKeyIsRememberedAcrossARestart() {
        String key = UUID.randomUUID().toString();
        String ticket;
        Response first;
        Scenario scenario;
        String reading;
        try (RunningService service = RunningService.start(dataDir)) {
            scenario = new Scenario(service.api());
            ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
            reading = """
                    {"documentId": "jobs-overview", "version": "1", "performedBy": "%s"}""".formatted(scenario.requester);
            first = scenario.api.post("/tickets/" + ticket + "/readings", reading, KEY, key);
            assertThat(first.status()).isEqualTo(200);
        }
        try (RunningService again = RunningService.start(dataDir)) {
            Response retry =
                    scenario.reconnect(again.api()).api.post("/tickets/" + ticket + "/readings", reading, KEY, key);
            assertThat(retry.status()).isEqualTo(200);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(events(again, ticket)).isEqualTo(3);
        }
    }

    private static long events(RunningService service, String ticket) {
        return service.bean(EventStore.class).readEvents(ticket).asStream().count();
    }
}
