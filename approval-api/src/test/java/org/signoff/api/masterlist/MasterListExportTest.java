package org.signoff.api.masterlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;
import static org.signoff.api.testkit.Scenario.accepted;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * The master list as files: CSV in the documented format (each person a row, with unit, staff id, sign-off day and
 * approver) and a Markdown table laid out like the wiki page; as of an instant too. Without an Accept header a
 * client still gets JSON.
 */
class MasterListExportTest {

    private Scenario scenario;
    private String base;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(RunningService.shared().api());
        base = "http://localhost:" + RunningService.shared().port();
    }

    @Test
    void theListAsCsvAndAsTheWikisTable() throws Exception {
        Instant before = Instant.now();
        String ticket = scenario.ticketAwaitingReview();
        accepted(scenario.approve(ticket, scenario.librarian, true));
        scenario.awaitOnMasterList("Items", CHANGE_ITEMS, scenario.requester, 1);

        HttpResponse<String> csv = get("/master-list?unit=" + scenario.unit, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))
                .getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly(
                        "scope",
                        "job",
                        "job_id",
                        "variant",
                        "person",
                        "unit",
                        "staff_id",
                        "signed_off_on",
                        "approved_by",
                        "note");
        assertThat(rows).hasSize(1);
        CSVRecord amy = rows.get(0);
        assertThat(amy.get("scope")).isEqualTo("Items");
        assertThat(amy.get("job")).isEqualTo("Change physical items");
        assertThat(amy.get("job_id")).isEqualTo(CHANGE_ITEMS);
        assertThat(amy.get("person")).isEqualTo("Amy Dittman");
        assertThat(amy.get("unit")).isEqualTo(scenario.unit);
        assertThat(amy.get("staff_id")).isEqualTo(scenario.requester);
        assertThat(amy.get("signed_off_on"))
                .isEqualTo(Instant.now().atZone(ZoneOffset.UTC).toLocalDate().toString());
        assertThat(amy.get("approved_by")).isEqualTo(scenario.librarian);
        assertThat(amy.get("note")).isEqualTo("role update pending");

        HttpResponse<String> markdown = get("/master-list?unit=" + scenario.unit, "text/markdown");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body())
                .startsWith("| Scope | Job name | Staff name (unit) |\n|---|---|---|\n")
                .contains("| Items | Change physical items | Amy Dittman (" + scenario.unit + ") |");

        assertThat(get("/master-list?unit=" + scenario.unit + "&at=" + before, "text/csv")
                        .body()
                        .lines())
                .as("as of before the approval: the header alone")
                .hasSize(1);

        HttpResponse<String> plain = get("/master-list?unit=" + scenario.unit, null);
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", RunningService.ADMIN_KEY);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
