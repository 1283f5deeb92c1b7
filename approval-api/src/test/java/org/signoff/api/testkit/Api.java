package org.signoff.api.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP client for the service, as an integration or a dashboard would use it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ_MODEL_PATIENCE = Duration.ofSeconds(20);

    private final HttpClient http;
    private final List<String> nodes;
    /** Whose turn it is among the nodes: shared by every caller made from this one, so requests alternate. */
    private final AtomicInteger turn;

    private final String key;
    private final Map<String, String> headers;

    /** A caller without credentials. */
    public Api(int port) {
        this(List.of(port));
    }

    /**
     * A caller without credentials of several nodes of one engine, as behind a load balancer: each request (of this
     * caller and of every caller made from it) goes to the next node in turn, so what one request wrote is read,
     * or built on, by the next through another node.
     */
    public Api(List<Integer> ports) {
        this(
                HttpClient.newHttpClient(),
                ports.stream().map(port -> "http://localhost:" + port).toList(),
                new AtomicInteger(),
                null,
                Map.of());
    }

    private Api(HttpClient http, List<String> nodes, AtomicInteger turn, String key, Map<String, String> headers) {
        this.http = http;
        this.nodes = nodes;
        this.turn = turn;
        this.key = key;
        this.headers = headers;
    }

    /** The same service, called with this API key ({@code <client id>.<secret>}). */
    /** The key this client sends, as a person would type it into the page's sign-in. */
    public String key() {
        return key;
    }

    public Api withKey(String key) {
        return new Api(http, nodes, turn, key, headers);
    }

    /** The same caller, every request sent to one of its nodes only (numbered from 0, as they were given). */
    public Api onlyTo(int node) {
        return new Api(http, List.of(nodes.get(node)), new AtomicInteger(), key, headers);
    }

    /** The same caller, sending this header on every request too (e.g. a proxy's {@code X-Forwarded-For}). */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(http, nodes, turn, key, Map.copyOf(more));
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST whose body's length is not said beforehand: sent in chunks. */
    public Response postChunked(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(json))));
    }

    /** A POST with one more header, e.g. {@code If-Match}. */
    public Response post(String path, String json, String header, String value) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, any content type (null for none), any body (null for none). */
    public Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A POST of a file's bytes as they are (a test of bad encodings chooses them). */
    public Response post(String path, String contentType, byte[] file) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    /** A read of a plain-text resource, e.g. metrics. */
    public String getText(String path) {
        try {
            return http.send(
                            authenticated(HttpRequest.newBuilder(uri(path)))
                                    .GET()
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of an absolute URL this service gave, e.g. a Link header's next page. */
    public Response follow(String url) {
        URI absolute = URI.create(url);
        return get(absolute.getRawPath() + (absolute.getRawQuery() == null ? "" : "?" + absolute.getRawQuery()));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Whether the live verification of the ledger finds the chain intact. */
    public boolean ledgerIntact() {
        return get("/ledger/verification").body().get("intact").asBoolean();
    }

    /**
     * Reads until the read model shows what {@code until} expects. Reads follow commands within moments (the
     * projections run in their own processors); this waits those moments out and fails if they become seconds.
     */
    public JsonNode await(String path, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + READ_MODEL_PATIENCE.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (last.status() == 200 && until.test(last.body())) {
                return last.body();
            }
            sleep();
        }
        throw new AssertionError("GET " + path + " never showed the expected state; last answer: " + last);
    }

    /** The path on the node whose turn it is. */
    private URI uri(String path) {
        return URI.create(nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size())) + path);
    }

    private HttpRequest.Builder authenticated(HttpRequest.Builder request) {
        headers.forEach(request::header);
        return key == null ? request : request.header("X-API-Key", key);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(
                    authenticated(request).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("WWW-Authenticate").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Link").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A response: status, JSON body, and the headers the tests read. */
    public record Response(
            int status,
            JsonNode body,
            String location,
            String contentType,
            String wwwAuthenticate,
            String retryAfter,
            String etag,
            String link) {

        public String code() {
            return body.path("code").asText(null);
        }
    }
}
