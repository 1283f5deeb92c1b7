package org.signoff.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container's health check: asks the service running beside it for {@code /actuator/health} and exits 0 when it
 * answers 200 (UP), 1 otherwise. It needs nothing but the JDK, so a base image needs no curl, and it starts in a
 * fraction of a second: {@code java -cp approval-engine.jar org.signoff.api.HealthCheck [URL]}. The port is
 * {@code SERVER_PORT}'s, as the service's own.
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String[] args) {
        String url = args.length > 0
                ? args[0]
                : "http://localhost:" + System.getenv().getOrDefault("SERVER_PORT", "8080") + "/actuator/health";
        try {
            int status = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                System.out.println(url + " answered " + status);
            }
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception noAnswer) {
            System.out.println(url + ": " + noAnswer);
            System.exit(1);
        }
    }
}
