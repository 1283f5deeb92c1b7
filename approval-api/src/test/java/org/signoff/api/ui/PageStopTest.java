package org.signoff.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.PageBrowser;
import org.signoff.api.testkit.RunningService;

/**
 * A page left open in a browser listens to the live-update stream, which never ends by itself: stopping the service
 * ends it at once, so the stop does not wait out the 30 s grace period for it.
 */
class PageStopTest {

    @TempDir
    Path dataDir;

    @Test
    void anOpenPageDoesNotHoldUpTheStop() throws Exception {
        RunningService service = RunningService.start(dataDir);
        String base = "http://localhost:" + service.port();
        HttpClient browser = PageBrowser.signedIn(base, RunningService.ADMIN_KEY);

        HttpResponse<InputStream> stream = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/ui/changes"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try (InputStream body = stream.body()) {
                while (body.read() != -1) {
                    // the events, until the stream ends
                }
            } catch (java.io.IOException cut) {
                // ended too, less politely
            }
        });
        Thread.sleep(500);
        assertThat(ended).as("the stream stays open while the service runs").isNotDone();

        long start = System.nanoTime();
        service.close();
        Duration stopping = Duration.ofNanos(System.nanoTime() - start);

        assertThat(stopping).as("the stop, with a page open").isLessThan(Duration.ofSeconds(5));
        ended.get(2, TimeUnit.SECONDS);
    }
}
