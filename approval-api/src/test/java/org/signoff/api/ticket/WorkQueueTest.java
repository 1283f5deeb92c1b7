package org.signoff.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Who is waiting on whom: each role's queue holds the steps that are its to take, longest waiting first, with their
 * age; "what may I run?" lists a person's sign-offs in force and their tickets in progress; the master list filters
 * by scope, job, unit and person. The service is shared, so queues are checked for this scenario's tickets.
 */
class WorkQueueTest {

    private Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(RunningService.shared().api());
    }

    @Test
    void eachRoleSeesTheStepsThatAreItsToTakeOldestFirst() {
        String older = scenario.ticketAwaitingReview();
        String newer = scenario.open(scenario.colleague, CHANGE_ITEMS);
        Scenario.CHANGE_ITEMS_READINGS.forEach(
                document -> accepted(scenario.confirmReading(newer, scenario.colleague, document)));
        accepted(scenario.request(newer, scenario.colleague));
        accepted(scenario.grantSandbox(newer, scenario.librarian));
        accepted(scenario.reportTest(newer, scenario.colleague));

        List<String> librarians = ticketsOf(awaitQueue(scenario.librarian, older, newer));
        assertThat(librarians.indexOf(older)).as("longest waiting first").isLessThan(librarians.indexOf(newer));
        JsonNode review = entry(queue(scenario.librarian), older);
        assertThat(review.get("status").asText()).isEqualTo("AWAITING_REVIEW");
        assertThat(review.get("waitingOn").asText()).isEqualTo("SYSTEMS_LIBRARIAN");
        assertThat(review.get("scope").asText()).isEqualTo("Items");
        assertThat(review.get("age").asText()).startsWith("PT");
        assertThat(ticketsOf(queue(scenario.requester)))
                .as("a review is not the requester's to do")
                .doesNotContain(older);

        accepted(scenario.approve(older, scenario.librarian, true));
        awaitQueue(scenario.liaison, older);
        assertThat(ticketsOf(queue(scenario.otherLiaison)))
                .as("another unit's liaison")
                .doesNotContain(older);
        accepted(scenario.submitRoleRequest(older, scenario.liaison));
        awaitQueue(scenario.support, older);
        assertThat(ticketsOf(queue(scenario.librarian))).doesNotContain(older);

        String mine = scenario.open(scenario.requester, "batch-item-withdrawals");
        awaitQueue(scenario.requester, mine);
    }

    @Test
    void aQueueComesInPagesWithAStableOrder() {
        String first = scenario.ticketAwaitingReview();
        String second = scenario.open(scenario.colleague, CHANGE_ITEMS);
        Scenario.CHANGE_ITEMS_READINGS.forEach(
                document -> accepted(scenario.confirmReading(second, scenario.colleague, document)));
        accepted(scenario.request(second, scenario.colleague));
        awaitQueue(scenario.librarian, first, second);

        List<String> paged = new ArrayList<>();
        String next = "/work-queue?staffId=" + scenario.librarian + "&limit=1";
        while (next != null) {
            Api.Response page = scenario.api.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.body().forEach(item -> paged.add(item.get("ticketId").asText()));
            next = page.link() == null ? null : page.link().replaceAll(".*<[^/]*//[^/]*(/[^>]*)>.*", "$1");
        }
        assertThat(paged).isEqualTo(ticketsOf(queue(scenario.librarian)));
    }

    @Test
    void whatAPersonMayRunAndWhatTheyHaveUnderWay() {
        String signedOff = scenario.ticketAwaitingReview();
        accepted(scenario.approve(signedOff, scenario.librarian, false));
        String open = scenario.open(scenario.requester, "batch-item-withdrawals");

        JsonNode standing = scenario.api.await(
                "/staff/" + scenario.requester + "/standing",
                body -> body.get("signOffs").size() == 1
                        && body.get("inProgress").size() == 1);
        assertThat(standing.at("/signOffs/0/jobId").asText()).isEqualTo(CHANGE_ITEMS);
        assertThat(standing.at("/signOffs/0/approvedBy").asText()).isEqualTo(scenario.librarian);
        assertThat(standing.at("/inProgress/0/ticketId").asText()).isEqualTo(open);
        assertThat(standing.at("/inProgress/0/status").asText()).isEqualTo("READING");

        JsonNode ofUnit = scenario.api.get("/master-list?unit=" + scenario.unit).body();
        assertThat(Scenario.entries(ofUnit, "Items", CHANGE_ITEMS, scenario.requester))
                .hasSize(1);
        assertThat(ofUnit.toString()).doesNotContain("\"unit\":\"LTS\"");
        JsonNode ofPerson =
                scenario.api.get("/master-list?staffId=" + scenario.requester).body();
        assertThat(ofPerson.get("scopes")).hasSize(1);
        assertThat(ofPerson.at("/scopes/0/jobs")).hasSize(1);
        assertThat(scenario.api.get("/master-list?scope=Nowhere").body().get("scopes"))
                .isEmpty();
    }

    private JsonNode awaitQueue(String person, String... tickets) {
        return scenario.api.await(
                "/work-queue?staffId=" + person, body -> ticketsOf(body).containsAll(List.of(tickets)));
    }

    private JsonNode queue(String person) {
        Api.Response response = scenario.api.get("/work-queue?staffId=" + person);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode entry(JsonNode queue, String ticket) {
        for (JsonNode item : queue) {
            if (item.get("ticketId").asText().equals(ticket)) {
                return item;
            }
        }
        throw new AssertionError(ticket + " is not in " + queue);
    }

    private static List<String> ticketsOf(JsonNode queue) {
        List<String> tickets = new ArrayList<>();
        queue.forEach(item -> tickets.add(item.get("ticketId").asText()));
        return tickets;
    }
}
