package org.signoff.api.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on a loopback port, standing where a ticketing system's webhook endpoint would. */
public final class Receiver implements AutoCloseable {

    /** A signing secret as Standard Webhooks serializes one: {@code whsec_} and the base64 of 33 bytes. */
    public static final String SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("receiver-shared-secret-0123456789".getBytes(StandardCharsets.UTF_8));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private Receiver(HttpServer server) {
        this.server = server;
    }

    /** A receiver on {@code port} (0 for any free one), one thread per post, so a slow post holds up no other. */
    public static Receiver onPort(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        return new Receiver(server);
    }

    public Receiver on(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    public Receiver start() {
        server.start();
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Takes every post with 204, keeping its JSON body. */
    public static HttpHandler keepingEach(List<JsonNode> into) {
        return exchange -> {
            into.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        };
    }

    /** An administrator subscribes {@code url}; {@code filters} are more fields of the body, e.g. {@code "jobs": […]}. */
    public static Api.Response subscribe(Api admin, String subscriptionId, String url, String secret, String filters) {
        return admin.post(
                "/webhooks", """
                {"subscriptionId": "%s", "url": "%s", "secret": "%s"%s}""".formatted(subscriptionId, url, secret, filters.isEmpty() ? "" : ", " + filters));
    }

    /**
     * Waits until {@code arrived} holds {@code count} posts or more, for at most {@code patience}: the service posts
     * from its own threads, after it answered. The caller's assertions then say what arrived, or what is missing.
     */
    public static void awaitPosts(Supplier<? extends Collection<?>> arrived, int count, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (arrived.get().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
