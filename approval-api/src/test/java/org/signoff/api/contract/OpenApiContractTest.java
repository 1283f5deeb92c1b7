package org.signoff.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.OpenApi31;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import org.signoff.api.security.EndpointRules;
import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.ReadModels;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * The published contract cannot drift silently: the OpenAPI document the service serves is the one committed as
 * {@code approval-api/openapi.json}. When the API changes on purpose, run the test with {@code -Dopenapi.write=true}
 * (or copy {@code target/openapi.json}) and commit the new document with the change.
 */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path COMMITTED = Path.of("openapi.json");

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        JsonNode served = served();
        String text = JSON.writeValueAsString(served) + "\n";
        Files.writeString(Path.of("target", "openapi.json"), text);
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, text);
        }
        assertThat(Files.exists(COMMITTED))
                .as("approval-api/openapi.json is committed")
                .isTrue();
        assertThat(served)
                .as("the served OpenAPI document differs from approval-api/openapi.json: if the change is meant, "
                        + "review target/openapi.json and copy it over (or run with -Dopenapi.write=true)")
                .isEqualTo(JSON.readTree(COMMITTED.toFile()));
    }

    @Test
    void itDescribesEveryEndpointItsSecurityAndTheContractsHeaders() throws IOException {
        JsonNode document = served();
        assertThat(document.get("openapi").asText()).startsWith("3.1");
        List<String> missing = new ArrayList<>();
        for (EndpointRules.Rule rule : EndpointRules.RULES) {
            String path = rule.pattern()
                    .replace("/tickets/*", "/tickets/{ticketId}")
                    .replace("/jobs/*", "/jobs/{jobId}")
                    .replace("/staff/*", "/staff/{staffId}")
                    .replace("/api-clients/*", "/api-clients/{clientId}")
                    .replace("/webhooks/*", "/webhooks/{subscriptionId}")
                    .replace("/recertification-campaigns/*", "/recertification-campaigns/{campaignId}")
                    .replace("/read-models/*", "/read-models/{name}")
                    .replace("/shared-jobs/*", "/shared-jobs/{sharedJobId}");
            if (document.at("/paths")
                    .path(path)
                    .path(rule.method().name().toLowerCase(Locale.ROOT))
                    .isMissingNode()) {
                missing.add(rule.method() + " " + path);
            }
        }
        assertThat(missing).as("endpoints missing from the document").isEmpty();
        assertThat(document.at("/components/securitySchemes/apiKey/name").asText())
                .isEqualTo("X-API-Key");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
        JsonNode approval = document.at("/paths/~1tickets~1{ticketId}~1approval/post");
        assertThat(approval.get("parameters").findValuesAsText("name")).contains("Idempotency-Key", "If-Match");
        assertThat(approval.at("/responses/412/content/application~1problem+json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(document.at("/paths/~1tickets~1{ticketId}/get/responses/200/headers/ETag")
                        .isMissingNode())
                .isFalse();
        assertThat(new Api(RunningService.shared().port()).getText("/swagger-ui/index.html"))
                .contains("swagger");
    }

    @Test
    void theCommittedDocumentIsValidOpenApi31ForTheReferenceParser() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Files.readString(COMMITTED), null, options);
        assertThat(parsed.getMessages()).as("what the parser finds wrong").isEmpty();
        assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
    }

    @Test
    void realAnswersMatchTheSchemasTheDocumentGivesThem() throws IOException {
        Scenario scenario = new Scenario(RunningService.shared().api());
        Api api = scenario.api;
        List<Sample> samples = new ArrayList<>();
        Response opened = api.post("/tickets", """
                {"jobId": "%s", "performedBy": "%s"}""".formatted(Scenario.CHANGE_ITEMS, scenario.requester));
        samples.add(new Sample("post", "/tickets", opened));
        String ticket = opened.body().get("ticketId").asText();
        samples.add(new Sample(
                "post",
                "/tickets/{ticketId}/readings",
                scenario.confirmReading(ticket, scenario.requester, "jobs-overview")));
        samples.add(new Sample(
                "post", "/tickets/{ticketId}/sandbox-grant", scenario.grantSandbox(ticket, scenario.requester)));
        samples.add(new Sample(
                "post", "/tickets/{ticketId}/sandbox-test", scenario.reportTest(ticket, scenario.requester)));
        samples.add(new Sample(
                "post",
                "/tickets/{ticketId}/request",
                api.post("/tickets/" + ticket + "/request", "{\"performedBy\": 7}")));
        samples.add(new Sample(
                "post",
                "/tickets/{ticketId}/withdrawal",
                api.post(
                        "/tickets/" + ticket + "/withdrawal",
                        "{\"performedBy\": \"%s\"}".formatted(scenario.requester),
                        "If-Match",
                        "\"0\"")));
        scenario.awaitTicket(ticket, "READING");
        samples.add(new Sample("get", "/tickets/{ticketId}", api.get("/tickets/" + ticket)));
        samples.add(new Sample("get", "/tickets/{ticketId}", api.get("/tickets/no-such-ticket")));
        samples.add(new Sample("get", "/tickets", api.get("/tickets?status=READING&limit=2")));
        samples.add(new Sample("get", "/tickets", api.get("/tickets?colour=blue")));
        samples.add(new Sample("get", "/master-list", api.get("/master-list")));
        samples.add(new Sample("get", "/jobs", api.get("/jobs?limit=2")));
        samples.add(new Sample("get", "/jobs/{jobId}", api.get("/jobs/" + Scenario.CHANGE_ITEMS)));
        samples.add(new Sample("get", "/staff/{staffId}", api.get("/staff/" + scenario.requester)));
        samples.add(new Sample("get", "/api-clients", scenario.admin.get("/api-clients?limit=2")));
        samples.add(new Sample("get", "/webhooks", scenario.admin.get("/webhooks")));
        samples.add(new Sample("get", "/access-refusals", scenario.admin.get("/access-refusals")));
        samples.add(new Sample("get", "/master-list", api.withKey(null).get("/master-list")));
        samples.add(
                new Sample("post", "/recertification-campaigns", api.post("/recertification-campaigns", """
                {"scope": "No such scope %s", "reason": "after the audit", "performedBy": "%s"}""".formatted(
                                scenario.unit, scenario.librarian))));
        samples.add(new Sample(
                "post", "/read-models/{name}/rebuild", scenario.admin.post("/read-models/catalog/rebuild", "{}")));
        ReadModels.awaitRebuilt(scenario.admin, "catalog");

        JsonNode document = JSON.readTree(COMMITTED.toFile());
        SchemaRegistry schemas = schemas();
        List<String> wrong = new ArrayList<>();
        for (Sample sample : samples) {
            String mediaType = sample.response().contentType().split(";")[0].trim();
            String pointer = "/paths/" + escape(sample.path()) + "/" + sample.method() + "/responses/"
                    + sample.response().status() + "/content/" + escape(mediaType) + "/schema";
            if (document.at(pointer).isMissingNode()) {
                wrong.add(sample + ": the document gives no schema for " + pointer);
                continue;
            }
            schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer))
                    .validate(sample.response().body().toString(), InputFormat.JSON)
                    .forEach(error -> wrong.add(sample.method() + " " + sample.path() + " "
                            + sample.response().status() + ": " + error));
        }
        assertThat(samples)
                .extracting(sample -> sample.response().status())
                .as("answers of every kind: created, taken, refused, not found, bad, stale, unauthenticated")
                .contains(200, 201, 202, 400, 401, 403, 404, 409, 412);
        assertThat(wrong).as("answers unlike the document").isEmpty();
    }

    @Test
    void theDocumentRefusesTheBodiesTheServiceRefuses() throws IOException {
        Scenario scenario = new Scenario(RunningService.shared().api());
        String staff = """
                {"staffId": "%s", "displayName": "%s", "unit": "%s", "roles": ["STAFF"]}""";
        String client = """
                {"clientId": "%s", "name": "%s", "operations": ["tickets:read"]}""";
        String id = "doc-" + scenario.unit.toLowerCase(Locale.ROOT);
        List<Body> bodies = List.of(
                new Body("/staff", staff.formatted(id, "Dee Docs", "ITS")),
                new Body("/staff", staff.formatted("bad id", "Dee Docs", "ITS")),
                new Body("/staff", staff.formatted(id + "-2", "Dee Docs", " ITS")),
                new Body("/staff", staff.formatted(id + "-3", "", "ITS")),
                new Body("/staff", staff.formatted(id + "-4", "Dee Docs\u00A0", "ITS")),
                new Body("/staff", staff.formatted(id + "-5", "Dee Docs", "ITS\u200B")),
                new Body("/api-clients", client.formatted(id, "Docs")),
                new Body("/api-clients", client.formatted(id + "-2", "")));

        JsonNode document = JSON.readTree(COMMITTED.toFile());
        List<String> verdicts = new ArrayList<>();
        for (Body body : bodies) {
            String pointer = "/paths/" + escape(body.path()) + "/post/requestBody/content/application~1json/schema";
            assertThat(document.at(pointer).isMissingNode()).as(pointer).isFalse();
            boolean documentAccepts = schemas()
                    .getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer))
                    .validate(body.json(), InputFormat.JSON)
                    .isEmpty();
            int status = scenario.admin.post(body.path(), body.json()).status();
            verdicts.add("%s %s: document %s, service %s"
                    .formatted(
                            body.path(),
                            body.json(),
                            documentAccepts ? "accepts" : "refuses",
                            status == 201 ? "accepts" : status == 400 ? "refuses" : "answers " + status));
        }
        assertThat(verdicts)
                .as("the document and the service agree on every body")
                .allMatch(verdict -> verdict.endsWith("document accepts, service accepts")
                        || verdict.endsWith("document refuses, service refuses"));
        assertThat(verdicts).filteredOn(verdict -> verdict.endsWith("refuses")).hasSize(6);
        assertThat(Files.readString(COMMITTED))
                .as("Unicode property classes, which Python's re and ECMA-262 without its u flag reject")
                .doesNotContain("\\p{");
    }

    private record Sample(String method, String path, Response response) {}

    /** A body to post to {@code path}. */
    private record Body(String path, String json) {}

    private static SchemaRegistry schemas() throws IOException {
        String text = Files.readString(COMMITTED);
        return SchemaRegistry.withDefaultDialect(
                OpenApi31.getInstance(), registry -> registry.schemas(Map.of(DOCUMENT, text)));
    }

    private static final String DOCUMENT = "https://approval-engine.example/openapi.json";

    /** A JSON pointer's escaping of one path segment: {@code /tickets/{id}} → {@code ~1tickets~1{id}}. */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode served() throws IOException {
        return JSON.readTree(new Api(RunningService.shared().port()).getText("/v3/api-docs"));
    }
}
