package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.Receiver;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Lists come in pages of at most {@code limit}, the next one named by a {@code Link: rel="next"} header; walking
 * them while tickets are opened loses none and repeats none.
 */
class PaginationTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void walkingThePagesWhileTicketsAreOpenedLosesNoneAndRepeatsNone() {
        Scenario scenario = new Scenario(RunningService.shared().api());
        for (int i = 0; i < 3; i++) { // at least nine tickets: three pages of three
            Scenario more = new Scenario(RunningService.shared().api());
            more.open(more.requester, CHANGE_ITEMS);
            more.open(more.colleague, CHANGE_ITEMS);
            more.open(more.librarianWhoAsks, CHANGE_ITEMS);
        }
        Api api = scenario.api;
        List<String> before = ids(api.get("/tickets?limit=1000").body());

        List<String> seen = new ArrayList<>();
        String late = null;
        Response page = api.get("/tickets?limit=3");
        int pages = 0;
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(ids(page.body()));
            if (pages++ == 1) {
                late = scenario.open(scenario.requester, CHANGE_ITEMS); // opened while paging: it comes at the end
            }
            if (page.link() == null) {
                break;
            }
            Matcher next = NEXT.matcher(page.link());
            assertThat(next.find()).as(page.link()).isTrue();
            page = api.follow(next.group(1));
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(before).contains(late);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void theDirectoryAndTheCatalogComeInPagesToo() {
        Scenario scenario = new Scenario(RunningService.shared().api());
        List<String> staff = walk(scenario.admin, "/staff?limit=4", "staffId");
        assertThat(staff).doesNotHaveDuplicates().contains(scenario.requester, scenario.support, "admin");
        assertThat(staff)
                .isEqualTo(values(scenario.admin.get("/staff?limit=1000").body(), "staffId"));

        List<String> clients = walk(scenario.admin, "/api-clients?limit=2", "clientId");
        assertThat(clients).doesNotHaveDuplicates().contains("initial-admin", scenario.integrationClient());
        assertThat(clients)
                .isEqualTo(values(scenario.admin.get("/api-clients?limit=1000").body(), "clientId"));

        scenario.admin.withKey(null).get("/tickets"); // one refusal at least, on the record
        List<String> refusals = walk(scenario.admin, "/access-refusals?limit=2", "reason");
        assertThat(refusals)
                .hasSize(
                        scenario.admin.get("/access-refusals?limit=1000").body().size());

        for (int i = 0; i < 3; i++) {
            scenario.admin.post("/webhooks", """
                    {"subscriptionId": "paged-%s-%d", "url": "http://127.0.0.1:9/hooks",
                     "secret": "%s"}""".formatted(scenario.unit.toLowerCase(), i, Receiver.SECRET));
        }
        List<String> subscriptions = walk(scenario.admin, "/webhooks?limit=2", "subscriptionId");
        assertThat(subscriptions)
                .doesNotHaveDuplicates()
                .contains("paged-" + scenario.unit.toLowerCase() + "-2")
                .isEqualTo(values(scenario.admin.get("/webhooks?limit=1000").body(), "subscriptionId"));
        assertThat(scenario.admin
                        .get("/webhooks/no-such-subscription/deliveries")
                        .code())
                .isEqualTo("UNKNOWN_SUBSCRIPTION");

        List<String> jobs = walk(scenario.api, "/jobs?includeRetired=true&limit=5", "jobId");
        assertThat(jobs).doesNotHaveDuplicates().contains(CHANGE_ITEMS).hasSizeGreaterThan(5);
        assertThat(jobs)
                .isEqualTo(values(scenario.api.get("/jobs?includeRetired=true").body(), "jobId"));
    }

    private static List<String> walk(Api api, String first, String field) {
        List<String> seen = new ArrayList<>();
        Response page = api.get(first);
        while (true) {
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(values(page.body(), field));
            if (page.link() == null) {
                return seen;
            }
            Matcher next = NEXT.matcher(page.link());
            assertThat(next.find()).isTrue();
            page = api.follow(next.group(1));
        }
    }

    private static List<String> values(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    @Test
    void aPageSizeOrCursorThisListDoesNotTakeIsABadRequest() {
        Api api = new Scenario(RunningService.shared().api()).api;
        assertThat(api.get("/tickets?limit=0").code()).isEqualTo("INVALID_REQUEST");
        assertThat(api.get("/tickets?limit=1001").code()).isEqualTo("INVALID_REQUEST");
        assertThat(api.get("/tickets?after=bm90LWEtY3Vyc29y").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.get("/jobs?after=!!!").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.get("/jobs?limit=5000").code()).isEqualTo("INVALID_REQUEST");
    }

    private static List<String> ids(JsonNode tickets) {
        List<String> ids = new ArrayList<>();
        tickets.forEach(ticket -> ids.add(ticket.get("ticketId").asText()));
        return ids;
    }
}
