package org.signoff.api.masterlistimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.api.ApprovalApplication;
import org.signoff.api.testkit.RunningService;

/**
 * The seed's master list (the team's wiki table, as CSV in the repository) imports into a fresh engine: a dry run
 * says what each line would become and writes nothing; the real run does it, the messy cases reported as the
 * README documents; a second run imports nothing new; and the master list then holds the seed's table person for
 * person. Files that are not a master list are refused at their line with nothing imported.
 */
class MasterListImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fresh engine's store, shared by the two scenarios over HTTP: a refused file writes nothing, either order. */
    @TempDir
    static Path storeDir;

    private static RunningService service;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void start() {
        service = RunningService.start(storeDir);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theSeedsListImportsOnceAndTheMasterListMatchesIt() throws Exception {
        JdbcClient database = service.bean(JdbcClient.class);
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("/seed/master-list.csv")) {
            seed = in.readAllBytes();
        }

        Map<String, Long> before = settled(database);
        JsonNode dry = post(service, "?dryRun=true", seed);
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(everyTable(database)).as("a dry run writes nothing").isEqualTo(before);

        assertThat(dry.get("lines").asInt()).isEqualTo(48);
        assertThat(outcome(dry, 2)).isEqualTo("IMPORTED"); // Amy Dittman, new
        assertThat(line(dry, 2).get("notes").toString()).contains("new to the directory as 'adittman'");
        assertThat(outcome(dry, 17)).isEqualTo("IMPORTED_WITH_WARNING"); // Madeleine Newell (Imaging Services?)
        assertThat(line(dry, 17).get("notes").toString()).contains("uncertain");
        assertThat(outcome(dry, 23)).isEqualTo("IMPORTED_WITH_WARNING"); // Michael Hopper, no unit
        assertThat(outcome(dry, 28)).isEqualTo("REFUSED"); // Catalogers who participate in AARGH
        assertThat(line(dry, 28).get("notes").toString()).contains("a group, not a person");
        assertThat(outcome(dry, 29)).isEqualTo("REFUSED"); // HVD normalization, no rule named
        assertThat(outcome(dry, 31)).isEqualTo("NOTHING_TO_IMPORT"); // cancel print subscription: nobody
        assertThat(outcome(dry, 13)).as("Julie Petzold again: the same person").isEqualTo("IMPORTED");
        assertThat(line(dry, 13).get("staffId").asText()).isEqualTo("jpetzold");

        JsonNode real = post(service, "", seed);
        assertThat(real.get("counts")).isEqualTo(dry.get("counts"));
        long events = database.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();

        JsonNode again = post(service, "", seed);
        assertThat(again.at("/counts/IMPORTED").isMissingNode()
                        && again.at("/counts/IMPORTED_WITH_WARNING").isMissingNode())
                .as("the same file again imports nothing new: %s", again.get("counts"))
                .isTrue();
        assertThat(again.at("/counts/ALREADY_LISTED").asInt())
                .isEqualTo(real.at("/counts/IMPORTED").asInt()
                        + real.at("/counts/IMPORTED_WITH_WARNING").asInt());
        assertThat(database.sql("SELECT COUNT(*) FROM DomainEventEntry")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
        assertThat(database.sql("SELECT COUNT(*) FROM master_list_import")
                        .query(Long.class)
                        .single())
                .as("real runs are recorded")
                .isEqualTo(2);

        Set<String> expected = new HashSet<>();
        for (CSVRecord row : rows(new String(seed, StandardCharsets.UTF_8))) {
            long number = row.getRecordNumber() + 1; // the header is line 1
            if (outcome(real, number).startsWith("IMPORTED")) {
                expected.add(row.get("scope") + " | " + row.get("job") + " | " + row.get("person") + " | "
                        + row.get("unit"));
            }
        }
        Set<String> listed = Set.of();
        long deadline = System.nanoTime() + 15_000_000_000L; // the master list follows the import within moments
        while (!listed.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            listed = listed(csvOf(service));
        }
        assertThat(listed).as("the master list, person for person").containsExactlyInAnyOrderElementsOf(expected);

        // the list exported, imported again: the same list (every person found already listed)
        JsonNode roundTrip = post(service, "?dryRun=true", csvOf(service).getBytes(StandardCharsets.UTF_8));
        assertThat(roundTrip.at("/counts/ALREADY_LISTED").asInt()).isEqualTo(listed.size());
        assertThat(roundTrip.at("/counts/IMPORTED").isMissingNode()).isTrue();
        assertThat(roundTrip.at("/counts/REFUSED").isMissingNode()).isTrue();
    }

    @Test
    void aFileThatIsNotAMasterListIsRefusedAtItsLineWithNothingImported() throws Exception {
        JdbcClient database = service.bean(JdbcClient.class);
        Map<String, Long> before = settled(database);
        String header = "scope,job,job_id,variant,person,unit,staff_id,signed_off_on,approved_by,note\n";
        String good = "Items,Change physical items,,,Amy Dittman,ITS,,,,\n";

        assertRefused(service, "scope,job,name\nItems,Change physical items,Amy\n".getBytes(StandardCharsets.UTF_8), 1);
        assertRefused(
                service,
                (header + good + "Itmes,Change physical items,,,Daryl Boone,ITS,,,,\n")
                        .getBytes(StandardCharsets.UTF_8),
                3);
        byte[] notUtf8 = (header + good + "Items,Change physical items,,,Dar\u00ffyl,ITS,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(service, notUtf8, 3);
        byte[] hugeLine = (header + good + "Items,Change physical items,,," + "x".repeat(50 * 1024 * 1024)
                        + ",ITS,,,,\n")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(service, hugeLine, 3);
        assertRefused(
                service,
                (header + good + "Items,Change physical items,,,Daryl,ITS,,2024-13-45,,\n")
                        .getBytes(StandardCharsets.UTF_8),
                3);

        assertThat(everyTable(database)).as("nothing half-imported").isEqualTo(before);
    }

    @Test
    void anOperatorImportsFromTheCommandLine() throws Exception {
        Path seed = dataDir.resolve("master-list.csv");
        try (InputStream in = getClass().getResourceAsStream("/seed/master-list.csv")) {
            java.nio.file.Files.write(seed, in.readAllBytes());
        }
        Path data = dataDir.resolve("data");

        Command dry = run("import-master-list", seed.toString(), "--dry-run", "--approval.data-dir=" + data);
        assertThat(dry.exit()).as(dry.out()).isZero();
        JsonNode report = JSON.readTree(dry.out().substring(dry.out().indexOf('{')));
        assertThat(report.get("lines").asInt()).isEqualTo(48);
        assertThat(report.at("/counts/REFUSED").asInt()).isEqualTo(2);

        Path notAList = dataDir.resolve("not-a-list.csv");
        java.nio.file.Files.writeString(notAList, "scope,job,name\nItems,Change physical items,Amy\n");
        Command refused = run("import-master-list", notAList.toString(), "--approval.data-dir=" + data);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).contains("Not a master list: Line 1");
    }

    /** The packaged service's command line, in a JVM of its own. */
    private static Command run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                ApprovalApplication.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new Command(process.exitValue(), out);
    }

    private record Command(int exit, String out) {}

    private static void assertRefused(RunningService service, byte[] file, long line) throws Exception {
        HttpResponse<String> answer = send(service, "", file);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("code").asText()).isEqualTo("NOT_A_MASTER_LIST");
        assertThat(problem.get("line").asLong())
                .as(problem.get("detail").asText())
                .isEqualTo(line);
    }

    private static JsonNode post(RunningService service, String query, byte[] file) throws Exception {
        HttpResponse<String> answer = send(service, query, file);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> send(RunningService service, String query, byte[] file) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + service.port() + "/master-list/imports" + query))
                                .header("X-API-Key", RunningService.ADMIN_KEY)
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String csvOf(RunningService service) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + "/master-list"))
                                .header("X-API-Key", RunningService.ADMIN_KEY)
                                .header("Accept", "text/csv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static List<CSVRecord> rows(String csv) throws Exception {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }

    private static Set<String> listed(String csv) throws Exception {
        Set<String> listed = new HashSet<>();
        for (CSVRecord row : rows(csv)) {
            if (!row.get("person").isEmpty()) {
                listed.add(row.get("scope") + " | " + row.get("job") + " | " + row.get("person") + " | "
                        + row.get("unit"));
            }
        }
        return listed;
    }

    private static JsonNode line(JsonNode report, long number) {
        for (JsonNode line : report.get("report")) {
            if (line.get("line").asLong() == number) {
                return line;
            }
        }
        throw new AssertionError("no line " + number + " in " + report);
    }

    private static String outcome(JsonNode report, long number) {
        return line(report, number).get("outcome").asText();
    }

    /** Every table once the service has done what it does after start (the ledger sealed what there is). */
    private static Map<String, Long> settled(JdbcClient database) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Long> now = everyTable(database);
            if (now.get("LEDGER_SEAL").equals(now.get("DOMAINEVENTENTRY"))) {
                Thread.sleep(500); // and the read models a moment behind
                return everyTable(database);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service never settled after start");
    }

    /** Every table's row count, and the event store's last position. */
    private static Map<String, Long> everyTable(JdbcClient database) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : database.sql(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")
                .query(String.class)
                .list()) {
            counts.put(
                    table,
                    database.sql("SELECT COUNT(*) FROM \"" + table + "\"")
                            .query(Long.class)
                            .single());
        }
        counts.put(
                "last event",
                database.sql("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")
                        .query(Long.class)
                        .single());
        return counts;
    }
}
