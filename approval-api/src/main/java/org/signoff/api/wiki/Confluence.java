package org.signoff.api.wiki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.signoff.api.wiki.ConfluenceFailure.Kind;

/**
 * One Confluence page over Confluence's REST API: read with its version and its body in the storage format, and
 * written back as the next version, a minor edit with a message. Cloud through the v2 pages API, Data Center
 * through {@code /rest/api/content}; the shapes are those of Atlassian's reference and of atlassian-python-api's
 * {@code update_page} (docs/confluence.md). The token goes only into the {@code Authorization} header.
 */
final class Confluence {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private final WikiSettings settings;
    private final String authorization;
    private final HttpClient client;

    private Confluence(WikiSettings settings, String authorization) {
        this.settings = settings;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The configured page's Confluence; a token file that cannot be read stops the start. */
    static Confluence of(WikiSettings settings) {
        String token = token(settings);
        // Cloud: Basic e-mail:API token; Data Center: a personal access token as Bearer, or Basic with a user
        String authorization = settings.user() == null || settings.user().isBlank()
                ? "Bearer " + token
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (settings.user().strip() + ":" + token).getBytes(StandardCharsets.UTF_8));
        return new Confluence(settings, authorization);
    }

    /** The page, with its current version and its body in the storage format. */
    ConfluencePage read() {
        String path = settings.edition() == WikiSettings.Edition.CLOUD
                ? "/wiki/api/v2/pages/" + settings.pageId() + "?body-format=storage"
                : "/rest/api/content/" + settings.pageId() + "?expand=body.storage,version";
        return page(call("GET", path, null));
    }

    /**
     * Writes {@code body} as the page's next version (its version + 1): a minor edit (no notification to the page's
     * watchers) with the configured message. A version someone wrote meanwhile is Confluence's 409.
     *
     * @return the page's version now
     */
    int write(ConfluencePage page, String body) {
        ObjectNode update = JSON.createObjectNode();
        update.put("id", page.id());
        update.put("status", "current");
        update.put("title", page.title());
        ObjectNode version = JSON.createObjectNode();
        version.put("number", page.version() + 1);
        version.put("message", settings.message());
        version.put("minorEdit", true);
        String path;
        if (settings.edition() == WikiSettings.Edition.CLOUD) {
            update.putObject("body").put("representation", "storage").put("value", body);
            path = "/wiki/api/v2/pages/" + settings.pageId();
        } else {
            update.put("type", "page");
            update.putObject("body").putObject("storage").put("value", body).put("representation", "storage");
            path = "/rest/api/content/" + settings.pageId();
        }
        update.set("version", version);
        JsonNode written = call("PUT", path, update.toString());
        int now = written.path("version").path("number").asInt(-1);
        return now > 0 ? now : page.version() + 1;
    }

    private static ConfluencePage page(JsonNode answer) {
        String id = answer.path("id").asText(null);
        int version = answer.path("version").path("number").asInt(-1);
        JsonNode storage = answer.path("body").path("storage");
        if (id == null || version < 1 || !storage.path("value").isTextual()) {
            throw new ConfluenceFailure(
                    Kind.CONFLUENCE_UNAVAILABLE, 200, "Confluence answered a page without id, version or storage body");
        }
        return new ConfluencePage(
                id,
                answer.path("title").asText(""),
                version,
                storage.path("value").asText());
    }

    private JsonNode call(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path))
                .timeout(settings.readTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        HttpRequest request = json == null
                ? builder.GET().build()
                : builder.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build();
        HttpResponse<String> response = send(request, method + " " + path);
        int status = response.statusCode();
        JsonNode body = json(response.body());
        if (status == 200 && body != null) {
            return body;
        }
        String said = "Confluence answered " + method + " of page " + settings.pageId() + " with HTTP " + status
                + confluenceSays(body);
        if (status == 401 || status == 403) {
            throw new ConfluenceFailure(Kind.CONFLUENCE_CREDENTIALS_REJECTED, status, said);
        }
        if (status == 409) {
            throw new ConfluenceFailure(Kind.CONFLUENCE_VERSION_CONFLICT, status, said);
        }
        if (status == 429) {
            throw new ConfluenceFailure(
                    Kind.CONFLUENCE_RATE_LIMITED,
                    status,
                    said,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status >= 500 || status == 200) {
            throw new ConfluenceFailure(Kind.CONFLUENCE_UNAVAILABLE, status, said);
        }
        throw new ConfluenceFailure(Kind.CONFLUENCE_REFUSED, status, said);
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException slow) {
            throw unavailable(what + ": Confluence did not take the connection in time");
        } catch (HttpTimeoutException slow) {
            throw unavailable(what + ": Confluence did not answer within "
                    + settings.readTimeout().toMillis() + " ms");
        } catch (IOException away) {
            throw unavailable(what + ": Confluence could not be reached ("
                    + away.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable(what + ": the request was interrupted");
        }
    }

    private static ConfluenceFailure unavailable(String why) {
        return new ConfluenceFailure(Kind.CONFLUENCE_UNAVAILABLE, null, why);
    }

    /** Confluence's own words: v1's {@code message}, v2's first {@code errors[].title}; cut short. */
    private static String confluenceSays(JsonNode body) {
        if (body == null) {
            return "";
        }
        String message = body.path("message").asText("");
        if (message.isBlank()) {
            message = body.path("errors").path(0).path("title").asText("");
        }
        if (message.isBlank()) {
            return "";
        }
        message = message.replaceAll("\\s+", " ").strip();
        return ": " + (message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message);
    }

    /** {@code Retry-After}: seconds, or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException notJson) {
            return null; // e.g. a proxy's HTML error page
        }
    }

    private URI resolve(String path) {
        String base = settings.baseUrl().toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    private static String token(WikiSettings settings) {
        if (settings.tokenFile() == null) {
            return settings.token().strip();
        }
        String setting = WikiSettings.PREFIX + ".token-file";
        try {
            String token = Files.readString(settings.tokenFile()).strip();
            if (token.isEmpty()) {
                throw new IllegalArgumentException(setting + " names an empty file: " + settings.tokenFile());
            }
            return token;
        } catch (IOException unreadable) {
            // the file's name, not its content, is safe to say
            throw new UncheckedIOException(setting + " cannot be read: " + settings.tokenFile(), unreadable);
        }
    }

    @Override
    public String toString() {
        return "Confluence[" + settings.edition() + ", " + settings.baseUrl() + ", page " + settings.pageId() + "]";
    }
}
