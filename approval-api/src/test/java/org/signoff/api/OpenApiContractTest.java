package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import org.signoff.api.security.EndpointRules;

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
                    .replace("/webhooks/*", "/webhooks/{subscriptionId}");
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

    private static JsonNode served() throws IOException {
        return JSON.readTree(new Api(RunningService.shared().port()).getText("/v3/api-docs"));
    }
}
