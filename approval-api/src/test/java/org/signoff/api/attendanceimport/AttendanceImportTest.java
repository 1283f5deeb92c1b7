package org.signoff.api.attendanceimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * The training portal's attendance list imported over real HTTP by an administrator: a newcomer's request waits on
 * the classes until the list is imported; the same list again is all already known and writes nothing; a dry run
 * says the same and writes nothing; a bad line is refused with its reason while the others are imported; a file that
 * is not an attendance list, or one too big, is a problem; only an administrator with {@code training:write} imports.
 */
class AttendanceImportTest {

    private static final String HEADER = "Staff_ID,Person,Class,Attended_On,Session\n";

    private final RunningService service = RunningService.shared();
    private final Scenario scenario = new Scenario(service.api());
    private final String suffix = scenario.unit.toLowerCase(Locale.ROOT);
    private final String newcomer = person("nia-" + suffix, "Nia Newcomer " + suffix);

    @Test
    void aNewcomersRequestIsRefusedBeforeThePortalsListIsImportedAndAcceptedAfter() {
        String ticket = scenario.open(newcomer, Scenario.CHANGE_ITEMS);
        Scenario.CHANGE_ITEMS_READINGS.forEach(reading -> scenario.confirmReading(ticket, newcomer, reading));
        Response refused = scenario.request(ticket, newcomer);
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CLASSES_NOT_ATTENDED");

        // by staff id, by name; by class id, by the catalog's title in another letter case; ISO and US days
        JsonNode report = imported(HEADER
                + newcomer + ",,introduction-to-alma,2026-03-04,morning\n"
                + ",Nia Newcomer " + suffix + ",search & sets,3/5/2026,\n"
                + newcomer + ",,\"HOLDINGS & ITEMS\",04/08/2026,\"room 2, east\"\n");

        assertThat(outcomes(report)).as("%s", report).containsExactly("IMPORTED", "IMPORTED", "IMPORTED");
        assertThat(report.at("/report/1/staffId").asText()).isEqualTo(newcomer);
        assertThat(report.at("/report/1/classId").asText()).isEqualTo("search-and-sets");
        assertThat(report.at("/report/1/attendedOn").asText()).isEqualTo("2026-03-05");
        assertThat(report.at("/report/2/classId").asText()).isEqualTo("holdings-and-items");
        assertThat(report.at("/report/2/attendedOn").asText()).isEqualTo("2026-04-08");
        Response requested = scenario.request(ticket, newcomer);
        assertThat(requested.status()).as("%s", requested.body()).isEqualTo(200);
    }

    @Test
    void theSameListImportedAgainIsAlreadyKnownAndWritesNothing() {
        String list = HEADER + newcomer + ",,introduction-to-alma,2026-03-04,\n" + newcomer
                + ",,search-and-sets,2026-03-05,\n";
        assertThat(outcomes(imported(list))).containsExactly("IMPORTED", "IMPORTED");
        long events = service.eventsOf(newcomer);

        JsonNode again = imported(list);

        assertThat(outcomes(again)).containsExactly("ALREADY_KNOWN", "ALREADY_KNOWN");
        assertThat(again.at("/report/0/code").asText()).isEqualTo("ATTENDANCE_ALREADY_RECORDED");
        assertThat(again.at("/counts/ALREADY_KNOWN").asInt()).isEqualTo(2);
        assertThat(again.at("/counts/IMPORTED").isMissingNode()).isTrue();
        assertThat(service.eventsOf(newcomer)).as("nothing written").isEqualTo(events);
    }

    @Test
    void aDryRunSaysWhatEachLineWouldBecomeAndWritesNothing() {
        scenario.api.post("/staff/" + newcomer + "/attendance", """
                {"classId": "search-and-sets", "attendedOn": "2026-03-05", "performedBy": "admin"}""");
        String list = HEADER + newcomer + ",,introduction-to-alma,2026-03-04,\n"
                + newcomer + ",,search-and-sets,2026-03-05,\n"
                + newcomer + ",,juggling,2026-03-05,\n";
        long events = service.eventsOf(newcomer);

        Response dry = post("?dryRun=true", list.getBytes(StandardCharsets.UTF_8));

        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.body().get("dryRun").asBoolean()).isTrue();
        assertThat(outcomes(dry.body())).containsExactly("IMPORTED", "ALREADY_KNOWN", "REFUSED");
        assertThat(service.eventsOf(newcomer)).as("a dry run writes nothing").isEqualTo(events);
        JsonNode real = imported(list);
        assertThat(real.get("report"))
                .as("the real run does what the dry run said")
                .isEqualTo(dry.body().get("report"));
        assertThat(service.eventsOf(newcomer)).isEqualTo(events + 1);
    }

    @Test
    void eachBadLineIsRefusedWithItsReasonAndWritesNothingWhileTheOthersAreImported() {
        String twin = person("twin-a-" + suffix, "Tam Twin " + suffix);
        person("twin-b-" + suffix, "Tam Twin " + suffix);
        String leaver = person("leaver-" + suffix, "Lee Leaver " + suffix);
        Response left = scenario.admin.post("/staff/" + leaver + "/departure", """
                {"reason": "moved on", "performedBy": "admin"}""");
        assertThat(left.status()).as("%s", left.body()).isEqualTo(200);
        long events = service.eventsOf(newcomer) + service.eventsOf(twin) + service.eventsOf(leaver);
        String future = LocalDate.now().plusDays(5).toString();

        JsonNode report = imported(HEADER
                + newcomer + ",,introduction-to-alma,2026-03-04\n" // 2: ragged
                + newcomer + ",,\"introduction-to-alma,2026-03-04,\n" // 3: a quote left open
                + newcomer + ",,juggling,2026-03-04,\n" // 4: no such class
                + "nobody-" + suffix + ",,search-and-sets,2026-03-04,\n" // 5: no such staff id
                + ",Nobody Atall " + suffix + ",search-and-sets,2026-03-04,\n" // 6: no such name
                + ",Tam Twin " + suffix + ",search-and-sets,2026-03-04,\n" // 7: two people of that name
                + newcomer + ",,search-and-sets," + future + ",\n" // 8: in the future
                + newcomer + ",,search-and-sets,4 March 2026,\n" // 9: not a day
                + newcomer + ",,search-and-sets,2/30/2026,\n" // 10: no such day
                + leaver + ",,search-and-sets,2026-03-04,\n" // 11: left
                + ",,search-and-sets,2026-03-04,\n" // 12: nobody
                + "\n" // 13: blank, passed over
                + newcomer + ",,search-and-sets,2026-03-04,\n" // 14: fine
                + newcomer + ",,Search & Sets,3/4/2026,\n"); // 15: the same again

        assertThat(codes(report))
                .containsExactly(
                        "2 REFUSED MALFORMED_LINE",
                        "3 REFUSED MALFORMED_LINE",
                        "4 REFUSED UNKNOWN_TRAINING_CLASS",
                        "5 REFUSED UNKNOWN_STAFF",
                        "6 REFUSED UNKNOWN_STAFF",
                        "7 REFUSED AMBIGUOUS_PERSON",
                        "8 REFUSED INVALID_DEFINITION",
                        "9 REFUSED MALFORMED_LINE",
                        "10 REFUSED MALFORMED_LINE",
                        "11 REFUSED STAFF_MEMBER_LEFT",
                        "12 REFUSED MALFORMED_LINE",
                        "14 IMPORTED null",
                        "15 ALREADY_KNOWN ATTENDANCE_ALREADY_RECORDED");
        assertThat(report.at("/report/0/reason").asText()).isEqualTo("has 4 fields, the header 5");
        assertThat(report.at("/report/2/reason").asText()).contains("juggling");
        assertThat(report.at("/report/5/reason").asText()).contains("give the staff id");
        assertThat(report.at("/report/7/reason").asText()).contains("4 March 2026");
        assertThat(report.get("counts").toString()).isEqualTo("{\"IMPORTED\":1,\"ALREADY_KNOWN\":1,\"REFUSED\":11}");
        assertThat(service.eventsOf(newcomer) + service.eventsOf(twin) + service.eventsOf(leaver))
                .as("only the good line written")
                .isEqualTo(events + 1);
    }

    @Test
    void aFileThatIsNotAnAttendanceListIsAProblemAndWritesNothing() throws Exception {
        long events = service.eventsOf(newcomer);
        String good = newcomer + ",,introduction-to-alma,2026-03-04,\n";

        assertNotAList(post("", ("scope,job,person\n" + good).getBytes(StandardCharsets.UTF_8)), 1);
        assertNotAList(post("", "\n\n".getBytes(StandardCharsets.UTF_8)), 1);
        assertNotAList(
                post(
                        "",
                        (HEADER + good + ",Dar\u00ffyl,introduction-to-alma,2026-03-04,\n")
                                .getBytes(StandardCharsets.ISO_8859_1)),
                3);
        assertNotAList(
                post("", (HEADER + good + good.strip() + "x".repeat(10_001) + "\n").getBytes(StandardCharsets.UTF_8)),
                3);
        Response notCsv = scenario.admin.send("POST", "/attendance-imports", "application/json", "{}");
        assertThat(notCsv.status()).isEqualTo(415);
        assertThat(notCsv.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        Response empty = scenario.admin.send("POST", "/attendance-imports", "text/csv", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(saidToBe(64 * 1024 * 1024 + 1))
                .as("a file over approval.max-import-size, refused by its Content-Length")
                .startsWith("HTTP/1.1 413")
                .contains("PAYLOAD_TOO_LARGE");
        assertThat(service.eventsOf(newcomer)).as("nothing written").isEqualTo(events);
    }

    @Test
    void aListLargerThanARequestBodyIsTakenItsExtraColumnsIgnored() {
        StringBuilder list = new StringBuilder(HEADER);
        for (int i = 0; i < 12; i++) {
            list.append(newcomer)
                    .append(",,introduction-to-alma,2026-03-04,")
                    .append("x".repeat(9_000))
                    .append('\n');
        }
        assertThat(list.length()).isGreaterThan(64 * 1024);

        JsonNode report = imported(list.toString());

        assertThat(report.at("/counts/IMPORTED").asInt()).isEqualTo(1);
        assertThat(report.at("/counts/ALREADY_KNOWN").asInt()).isEqualTo(11);
    }

    @Test
    void onlyAnAdministratorWithTrainingWriteImports() {
        String list = HEADER + newcomer + ",,introduction-to-alma,2026-03-04,\n";
        Response notAnAdministrator =
                scenario.api.send("POST", "/attendance-imports?performedBy=" + scenario.librarian, "text/csv", list);
        assertThat(notAnAdministrator.status()).isEqualTo(403);
        assertThat(notAnAdministrator.code()).isEqualTo("ROLE_REQUIRED");
        Response key = scenario.admin.post("/api-clients", """
                {"clientId": "no-training-%s", "name": "Directory", "actsForAnyone": true,
                 "operations": ["staff:write"]}""".formatted(suffix));
        Response withoutTraining = scenario.admin
                .withKey(key.body().get("key").asText())
                .send("POST", "/attendance-imports?performedBy=admin", "text/csv", list);
        assertThat(withoutTraining.status())
                .as("a client without training:write")
                .isEqualTo(403);
        assertThat(outcomes(imported(list))).as("nothing was imported by them").containsExactly("IMPORTED");
    }

    private JsonNode imported(String list) {
        Response answer = post("", list.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        assertThat(answer.body().get("dryRun").asBoolean()).isFalse();
        return answer.body();
    }

    private Response post(String query, byte[] file) {
        return scenario.admin.post("/attendance-imports" + query, "text/csv", file);
    }

    /** The answer to a request saying its body has that many bytes, before any of them is sent. */
    private String saidToBe(long length) throws IOException {
        try (Socket socket = new Socket("localhost", service.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("POST /attendance-imports HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                                    + RunningService.ADMIN_KEY + "\r\nContent-Type: text/csv\r\nContent-Length: "
                                    + length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the answer, read up to its problem's end: the connection may stay open for the body never sent
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                answer.write(b);
                if (b == '}') {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static void assertNotAList(Response answer, long line) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("NOT_AN_ATTENDANCE_LIST");
        assertThat(answer.body().get("line").asLong()).isEqualTo(line);
    }

    private static List<String> outcomes(JsonNode report) {
        List<String> outcomes = new ArrayList<>();
        report.get("report").forEach(line -> outcomes.add(line.get("outcome").asText()));
        return outcomes;
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("report")
                .forEach(line -> codes.add(line.get("line").asLong() + " "
                        + line.get("outcome").asText() + " " + line.path("code").asText(null)));
        return codes;
    }

    private String person(String id, String name) {
        Response response = scenario.admin.post("/staff", """
                {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": ["STAFF"], "performedBy": "admin"}""".formatted(id, name, scenario.unit));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
        return id;
    }
}
