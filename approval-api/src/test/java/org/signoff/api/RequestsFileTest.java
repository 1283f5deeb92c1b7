package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.security.EndpointRules;
import org.signoff.api.testkit.RunningService;

/**
 * {@code approval-api/requests.http}, the examples people start from, runs as written against a freshly started
 * service: every request answers what its title says (2xx unless the title names a status, e.g. {@code (403 …)}),
 * and together they call every endpoint.
 */
class RequestsFileTest {

    private static final Path REQUESTS = Path.of("requests.http");
    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PUT|DELETE|PATCH) (\\S+)$");
    private static final Pattern EXPECTED = Pattern.compile("\\((\\d{3})\\b");
    private static final Pattern SET_FROM_BODY =
            Pattern.compile("client\\.global\\.set\\(\"(\\w+)\", response\\.body\\.(\\w+)\\)");
    private static final Pattern SET_FROM_HEADER =
            Pattern.compile("client\\.global\\.set\\(\"(\\w+)\", response\\.headers\\.valueOf\\(\"([\\w-]+)\"\\)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void everyExampleRunsAsWrittenAndTogetherTheyCallEveryEndpoint() throws Exception {
        List<Example> examples = parse(Files.readString(REQUESTS));
        List<String> wrong = new ArrayList<>();
        List<String> called = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try (RunningService service = RunningService.start(dataDir)) {
            Map<String, String> variables = new HashMap<>();
            variables.put("base", "http://localhost:" + service.port());
            variables.put("admin", RunningService.ADMIN_KEY);
            for (Example example : examples) {
                String url = substitute(example.url(), variables);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                        .method(
                                example.method(),
                                example.body().isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(substitute(example.body(), variables)));
                example.headers().forEach((name, value) -> request.header(name, substitute(value, variables)));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                called.add(example.method() + " " + URI.create(url).getPath());
                boolean asExpected = example.expectedStatus() == null
                        ? response.statusCode() / 100 == 2
                        : response.statusCode() == example.expectedStatus();
                if (!asExpected) {
                    wrong.add("\"" + example.title() + "\" " + example.method() + " " + url + ": "
                            + response.statusCode() + " " + response.body());
                    continue;
                }
                remember(example.handler(), response, variables);
            }
        }
        assertThat(wrong).as("examples that do not answer as their titles say").isEmpty();
        List<String> uncalled = new ArrayList<>();
        for (EndpointRules.Rule rule : EndpointRules.RULES) {
            String pattern = rule.method().name() + " " + rule.pattern().replace("*", "[^/]+");
            if (called.stream().noneMatch(call -> call.matches(pattern))) {
                uncalled.add(rule.method() + " " + rule.pattern());
            }
        }
        assertThat(uncalled).as("endpoints requests.http never calls").isEmpty();
    }

    /** One request of the file: its title (the {@code ###} line), the request, and what to keep of the answer. */
    private record Example(
            String title,
            Integer expectedStatus,
            String method,
            String url,
            Map<String, String> headers,
            String body,
            String handler) {}

    private static List<Example> parse(String text) {
        List<Example> examples = new ArrayList<>();
        for (String block : text.split("(?m)^###")) {
            String[] lines = block.split("\n", -1);
            String title = lines[0].trim();
            Matcher expected = EXPECTED.matcher(title);
            String method = null;
            String url = null;
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder body = new StringBuilder();
            StringBuilder handler = new StringBuilder();
            boolean inBody = false;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                Matcher requestLine = REQUEST_LINE.matcher(line.trim());
                if (method == null) {
                    if (requestLine.matches()) {
                        method = requestLine.group(1);
                        url = requestLine.group(2);
                    }
                    continue;
                }
                if (line.startsWith("> {%")) {
                    handler.append(line);
                    inBody = false;
                } else if (inBody) {
                    body.append(line).append('\n');
                } else if (line.isBlank()) {
                    inBody = true;
                } else {
                    int colon = line.indexOf(':');
                    headers.put(
                            line.substring(0, colon).trim(),
                            line.substring(colon + 1).trim());
                }
            }
            if (method != null) {
                examples.add(new Example(
                        title,
                        expected.find() ? Integer.valueOf(expected.group(1)) : null,
                        method,
                        url,
                        headers,
                        body.toString().trim(),
                        handler.toString()));
            }
        }
        return examples;
    }

    /** The file's {@code {{name}}}s: the service's address, the administrator's key, and what earlier answers gave. */
    private static String substitute(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("{{" + variable.getKey() + "}}", variable.getValue());
        }
        assertThat(result).as("every variable of %s is set", text).doesNotContain("{{");
        return result;
    }

    private static void remember(String handler, HttpResponse<String> response, Map<String, String> variables)
            throws IOException {
        Matcher fromBody = SET_FROM_BODY.matcher(handler);
        if (fromBody.find()) {
            JsonNode body = JSON.readTree(response.body());
            variables.put(fromBody.group(1), body.get(fromBody.group(2)).asText());
        }
        Matcher fromHeader = SET_FROM_HEADER.matcher(handler);
        if (fromHeader.find()) {
            variables.put(
                    fromHeader.group(1),
                    response.headers().firstValue(fromHeader.group(2)).orElseThrow());
        }
    }
}
