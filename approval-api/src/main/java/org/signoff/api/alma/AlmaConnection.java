package org.signoff.api.alma;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Alma environment's REST API, read with its key: a user's roles and a job instance. Every answer but the record
 * becomes {@link AlmaRefused}, {@link AlmaCredentialsRejected} or {@link AlmaUnavailable}; Alma's per-second
 * threshold is ridden out with a short, doubling wait. The key goes only into the {@code Authorization} header.
 */
public final class AlmaConnection {

    private static final Logger log = LoggerFactory.getLogger(AlmaConnection.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final AlmaEnvironment environment;
    private final URI baseUrl;
    private final String apiKey;
    private final Duration readTimeout;
    private final int maxRetries;
    private final HttpClient client;

    AlmaConnection(AlmaEnvironment environment, AlmaSettings.Environment settings, String apiKey) {
        this.environment = environment;
        this.baseUrl = settings.baseUrl();
        this.apiKey = apiKey;
        this.readTimeout = settings.readTimeout();
        this.maxRetries = settings.maxRetries();
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public AlmaEnvironment environment() {
        return environment;
    }

    /** The user record of this primary id, with its roles; an unknown one is Alma's {@code 401861}. */
    public AlmaUser user(String primaryId) {
        return get("/almaws/v1/users/" + segment(primaryId) + "?view=full&expand=none", AlmaJson::user);
    }

    /** One run of a job, as Monitor Jobs shows it. */
    public AlmaJobInstance jobInstance(String jobId, String instanceId) {
        return get(
                "/almaws/v1/conf/jobs/" + segment(jobId) + "/instances/" + segment(instanceId), AlmaJson::jobInstance);
    }

    private <T> T get(String path, Function<JsonNode, T> read) {
        HttpRequest request = HttpRequest.newBuilder(resolve(path))
                .timeout(readTimeout)
                .header("Authorization", "apikey " + apiKey)
                .header("Accept", "application/json")
                .GET()
                .build();
        for (int retry = 0; ; retry++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            JsonNode body = json(response.body());
            String[] error = body == null ? null : AlmaJson.firstError(body);
            if (status == 200 && body != null && error == null) {
                return read.apply(body);
            }
            String code = error == null ? null : error[0];
            if (status == 429 && (code == null || code.equals("PER_SECOND_THRESHOLD"))) {
                if (retry >= maxRetries) {
                    throw new AlmaUnavailable(
                            environment, "still answered 429 PER_SECOND_THRESHOLD after " + maxRetries + " retries");
                }
                Duration wait = backoff(retry);
                log.info(
                        "Alma ({}) answered 429 PER_SECOND_THRESHOLD; retry {} of {} in {} ms",
                        environment.label(),
                        retry + 1,
                        maxRetries,
                        wait.toMillis());
                pause(wait);
                continue;
            }
            throw failure(status, error);
        }
    }

    private RuntimeException failure(int status, String[] error) {
        if (status == 401 || status == 403 || (error != null && error[0].equals("UNAUTHORIZED"))) {
            log.warn("Alma ({}) rejected the API key (HTTP {})", environment.label(), status);
            return new AlmaCredentialsRejected(environment, status);
        }
        if (status >= 500 || error == null && status == 200) {
            String why = status >= 500 ? "answered HTTP " + status : "answered with a body that is not a record";
            log.warn("Alma ({}) {}", environment.label(), why);
            return new AlmaUnavailable(environment, why);
        }
        if (error == null) {
            return new AlmaRefused(environment, status, "HTTP_" + status, "Alma sent no error body");
        }
        return new AlmaRefused(environment, status, error[0], error[1]);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException slow) {
            throw unavailable("did not take the connection in time");
        } catch (HttpTimeoutException slow) {
            throw unavailable("did not answer within " + readTimeout.toMillis() + " ms");
        } catch (IOException away) {
            throw unavailable("could not be reached (" + away.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable("was not waited for: the request was interrupted");
        }
    }

    private AlmaUnavailable unavailable(String why) {
        log.warn("Alma ({}) {}", environment.label(), why);
        return new AlmaUnavailable(environment, why);
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException notJson) {
            return null; // e.g. XML, when Alma ignores Accept, or a proxy's HTML page
        }
    }

    private URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Duration backoff(int retry) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(retry, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "AlmaConnection[" + environment.label() + ", " + baseUrl + "]";
    }
}
