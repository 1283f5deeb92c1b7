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
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Alma environment's REST API, with its key: a user's roles read and written, and a job instance read. Every
 * answer but the record becomes {@link AlmaRefused}, {@link AlmaCredentialsRejected} or {@link AlmaUnavailable};
 * Alma's per-second threshold is ridden out with a short, doubling wait. The key goes only into the {@code Authorization} header.
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
        return AlmaJson.user(userRecord(primaryId));
    }

    /**
     * Gives the user these roles (active), as a dry run or in Alma: the user is read, the roles it lacks are added to
     * its {@code user_role} (an inactive one is made active) and the whole record is written back, every other field
     * as Alma sent it. A role it holds already adds nothing; when nothing changes, nothing is written.
     */
    public AlmaRoleChange addRoles(String primaryId, Collection<AlmaUser.Role> roles, boolean dryRun) {
        return change(primaryId, record -> AlmaUserRoles.add(record, roles), dryRun);
    }

    /**
     * Takes these roles from the user, as a dry run or in Alma, as {@link #addRoles} gives them: a role is the same
     * by its type, scope and parameters, whatever its status; one the user does not hold removes nothing.
     */
    public AlmaRoleChange removeRoles(String primaryId, Collection<AlmaUser.Role> roles, boolean dryRun) {
        return change(primaryId, record -> AlmaUserRoles.remove(record, roles), dryRun);
    }

    private AlmaRoleChange change(String primaryId, UnaryOperator<ObjectNode> edit, boolean dryRun) {
        ObjectNode record = userRecord(primaryId);
        List<AlmaUser.Role> before = AlmaJson.user(record).roles();
        ObjectNode changed = edit.apply(record.deepCopy());
        List<AlmaUser.Role> after = AlmaJson.user(changed).roles();
        if (dryRun || after.equals(before)) {
            return new AlmaRoleChange(primaryId, before, after, false);
        }
        // Alma swaps the whole record for the one sent; recalculate_roles=false keeps its role rules off these roles
        JsonNode written = call(
                "PUT",
                "/almaws/v1/users/" + segment(primaryId)
                        + "?user_id_type=all_unique&send_pin_number_letter=false&recalculate_roles=false",
                changed.toString());
        return new AlmaRoleChange(primaryId, before, AlmaJson.user(written).roles(), true);
    }

    private ObjectNode userRecord(String primaryId) {
        JsonNode record = call("GET", "/almaws/v1/users/" + segment(primaryId) + "?view=full&expand=none", null);
        if (!record.isObject()) {
            throw unavailable("answered with a body that is not a record");
        }
        return (ObjectNode) record;
    }

    /** One run of a job, as Monitor Jobs shows it. */
    public AlmaJobInstance jobInstance(String jobId, String instanceId) {
        return get(
                "/almaws/v1/conf/jobs/" + segment(jobId) + "/instances/" + segment(instanceId), AlmaJson::jobInstance);
    }

    private <T> T get(String path, Function<JsonNode, T> read) {
        return read.apply(call("GET", path, null));
    }

    /** A GET, or a PUT of {@code json}: Alma's record in the answer, or the failure it stands for. */
    private JsonNode call(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path))
                .timeout(readTimeout)
                .header("Authorization", "apikey " + apiKey)
                .header("Accept", "application/json");
        HttpRequest request = json == null
                ? builder.GET().build()
                : builder.header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build();
        for (int retry = 0; ; retry++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            JsonNode body = json(response.body());
            String[] error = body == null ? null : AlmaJson.firstError(body);
            if (status == 200 && body != null && error == null) {
                return body;
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
