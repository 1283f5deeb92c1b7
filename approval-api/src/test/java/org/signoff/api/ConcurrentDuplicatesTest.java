package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS_READINGS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Concurrently;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/** Integrations retry and send duplicates at the same moment: one wins, the others are told why, nothing is doubled. */
class ConcurrentDuplicatesTest {

    private static final int SENDERS = 8;

    @Test
    void theSameTicketOpenedEightTimesAtOnceIsOpenedOnce() throws Exception {
        Scenario scenario = new Scenario(RunningService.shared().api());
        List<Response> answers = Concurrently.all(
                SENDERS, () -> scenario.api.post("/tickets", """
                {"jobId": "%s", "performedBy": "%s"}""".formatted(CHANGE_ITEMS, scenario.requester)));

        assertThat(answers)
                .extracting(Response::status)
                .containsOnly(201, 409)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.status() == 409)
                .extracting(Response::code)
                .containsOnly("TICKET_ALREADY_OPEN");
        scenario.api.await("/tickets", body -> countTicketsOf(body, scenario.requester) == 1);
    }

    @Test
    void theSameStepSentEightTimesAtOnceIsTakenOnce() throws Exception {
        Scenario scenario = new Scenario(RunningService.shared().api());
        String ticket = scenario.open(scenario.requester, CHANGE_ITEMS);
        scenario.readAll(ticket, CHANGE_ITEMS_READINGS);
        accepted(scenario.request(ticket, scenario.requester));

        List<Response> answers = Concurrently.all(SENDERS, () -> scenario.grantSandbox(ticket, scenario.librarian));

        assertThat(answers)
                .extracting(Response::status)
                .containsOnly(200, 409)
                .filteredOn(s -> s == 200)
                .hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.status() == 409)
                .extracting(Response::code)
                .containsOnly("STEP_OUT_OF_ORDER");
        long grants = RunningService.shared()
                .bean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                .readEvents(ticket)
                .asStream()
                .filter(event -> event.getPayloadType().getSimpleName().equals("SandboxAccessGranted"))
                .count();
        assertThat(grants).isEqualTo(1);
    }

    @Test
    void theSamePersonRegisteredEightTimesAtOnceIsRegisteredOnce() throws Exception {
        Api api = RunningService.shared().api();
        String staffId = "twin-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        List<Response> answers = Concurrently.all(SENDERS, () -> api.post("/staff", """
                {"staffId": "%s", "displayName": "Twin", "unit": "ITS", "roles": ["STAFF"],
                 "performedBy": "admin"}""".formatted(staffId)));

        assertThat(answers)
                .extracting(Response::status)
                .containsOnly(201, 409)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.status() == 409)
                .extracting(Response::code)
                .isSubsetOf("ALREADY_EXISTS", "CONCURRENT_CHANGE");
        // the person's own history is keyed by their pseudonym
        String pseudonym = api.await("/staff/" + staffId, body -> body.hasNonNull("pseudonym"))
                .get("pseudonym")
                .asText();
        assertThat(RunningService.shared()
                        .bean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                        .readEvents(pseudonym)
                        .asStream()
                        .count())
                .isEqualTo(1);
    }

    private static long countTicketsOf(com.fasterxml.jackson.databind.JsonNode tickets, String staff) {
        long count = 0;
        for (var ticket : tickets) {
            if (ticket.get("staffId").asText().equals(staff)) {
                count++;
            }
        }
        return count;
    }
}
