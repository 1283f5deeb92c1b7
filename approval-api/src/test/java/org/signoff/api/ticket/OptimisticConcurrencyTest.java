package org.signoff.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS_READINGS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.util.List;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Concurrently;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * A ticket read carries its version ({@code ETag}); a step sent with {@code If-Match} applies only to that version,
 * checked under the ticket's lock, so integrations racing on one ticket cannot both act on what they read.
 */
class OptimisticConcurrencyTest {

    private static final String GRANT = """
            {"trainingMaterials": ["training"], "performedBy": "%s"}""";

    private Scenario scenario;
    private Api api;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(RunningService.shared().api());
        api = scenario.api;
    }

    @Test
    void aStepDecidedOnTheVersionReadIsTakenAndOneDecidedOnAnOlderOneIs412() {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS);
        String etag = read(ticket, 5).etag();
        assertThat(etag).isEqualTo("\"4\"");

        String request = """
                {"supportTicketRef": "LTS-%s", "performedBy": "%s"}""".formatted(ticket, scenario.requester);
        Response stale = api.post("/tickets/" + ticket + "/request", request, "If-Match", "\"2\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("STALE_VERSION");
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(4);
        assertThat(events(ticket)).isEqualTo(5);

        Response garbage = api.post("/tickets/" + ticket + "/request", request, "If-Match", "yesterday's");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.code()).isEqualTo("MALFORMED_REQUEST");

        accepted(api.post("/tickets/" + ticket + "/request", request, "If-Match", etag));
        assertThat(read(ticket, 7).etag()).isEqualTo("\"6\"");
        accepted(scenario.grantSandbox(ticket, scenario.librarian)); // no If-Match: whatever the version is
    }

    @Test
    void ofIntegrationsRacingOnOneTicketWithTheSameVersionExactlyOneActs() throws Exception {
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS);
        accepted(scenario.request(ticket, scenario.requester));
        String etag = read(ticket, 7).etag();

        List<Response> answers = Concurrently.all(
                8,
                () -> api.post(
                        "/tickets/" + ticket + "/sandbox-grant",
                        GRANT.formatted(scenario.librarian),
                        "If-Match",
                        etag));

        assertThat(answers).extracting(Response::status).isSubsetOf(200, 409, 412);
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(events(ticket))
                .as("one grant (and its deadlines), never two")
                .isEqualTo(9);
    }

    private Response read(String ticket, int historySize) {
        api.await("/tickets/" + ticket, body -> body.get("history").size() == historySize);
        return api.get("/tickets/" + ticket);
    }

    private static long events(String ticket) {
        return RunningService.shared()
                .bean(EventStore.class)
                .readEvents(ticket)
                .asStream()
                .count();
    }
}
