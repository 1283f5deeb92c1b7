package org.signoff.api.wiki;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A Confluence page over real HTTP (WireMock), answering as Confluence does: the page with its version and its body
 * in the storage format (Cloud's v2 pages API, or Data Center's {@code /rest/api/content} with {@code expand}), an
 * update taken only as the current version + 1 (else 409 "Version must be incremented on update"), a wrong
 * credential 401. Outages, 429s and faults are stubs a test adds in front of it ({@link #server()}).
 */
final class FakeConfluence implements ResponseDefinitionTransformerV2 {

    static final String PAGE_ID = "65868";
    static final String TITLE = "Master list of staff signed off on Alma jobs";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean cloud;
    private final String authorization;
    private final WireMockServer server;
    private final List<JsonNode> updates = new CopyOnWriteArrayList<>();
    private int version = 1;
    private String body = "<p>Hand-written intro: ask your liaison before you run a job.</p>";
    private UnaryOperator<String> editBeforeNextUpdate;

    /** Cloud with Basic e-mail:token, or Data Center with the token as a personal access token (Bearer). */
    FakeConfluence(boolean cloud, String user, String token) {
        this(cloud, user, token, "");
    }

    /** Under a context path, as a Data Center often is ({@code /confluence}). */
    FakeConfluence(boolean cloud, String user, String token, String contextPath) {
        this.cloud = cloud;
        this.authorization = user == null
                ? "Bearer " + token
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        this.server = new WireMockServer(wireMockConfig().dynamicPort().extensions(this));
        server.start();
        server.stubFor(any(urlPathMatching(contextPath + (cloud ? "/wiki/api/v2/pages/.*" : "/rest/api/content/.*")))
                .atPriority(10)
                .willReturn(aResponse().withTransformers(getName())));
    }

    WireMockServer server() {
        return server;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    void shutDown() {
        server.stop();
    }

    synchronized int version() {
        return version;
    }

    synchronized String body() {
        return body;
    }

    /** Someone saves the page in the editor: a new version. */
    synchronized void edit(UnaryOperator<String> edit) {
        body = edit.apply(body);
        version++;
    }

    /** Someone saves the page right after the engine read it, before its update arrives. */
    synchronized void editBeforeNextUpdate(UnaryOperator<String> edit) {
        editBeforeNextUpdate = edit;
    }

    /** The updates Confluence took, as sent. */
    List<JsonNode> updates() {
        return List.copyOf(updates);
    }

    void forgetUpdates() {
        updates.clear();
    }

    @Override
    public String getName() {
        return "fake-confluence";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (!authorization.equals(request.getHeader("Authorization"))) {
            return answer(401, cloud ? error(401, "UNAUTHORIZED", "Unauthorized") : v1Error(401, "Unauthorized"));
        }
        if (!request.getUrl().contains("/" + PAGE_ID)) {
            return answer(404, cloud ? error(404, "NOT_FOUND", "Not Found") : v1Error(404, "No content found"));
        }
        if (request.getMethod().getName().equals("GET")) {
            return answer(200, page().toString());
        }
        JsonNode update;
        try {
            update = JSON.readTree(request.getBodyAsString());
        } catch (Exception unreadable) {
            return answer(400, v1Error(400, "Could not read the body"));
        }
        if (editBeforeNextUpdate != null) {
            body = editBeforeNextUpdate.apply(body);
            version++;
            editBeforeNextUpdate = null;
        }
        int asked = update.path("version").path("number").asInt();
        if (asked != version + 1) {
            String said = "Version must be incremented on update. Current version is: " + version;
            return answer(409, cloud ? error(409, "CONFLICT", said) : v1Error(409, said));
        }
        JsonNode storage = cloud ? update.path("body") : update.path("body").path("storage");
        if (!"storage".equals(storage.path("representation").asText())) {
            return answer(400, v1Error(400, "Unsupported representation"));
        }
        updates.add(update);
        body = storage.path("value").asText();
        version = asked;
        return answer(200, page().toString());
    }

    private ObjectNode page() {
        ObjectNode page = JSON.createObjectNode();
        page.put("id", PAGE_ID);
        page.put("status", "current");
        page.put("title", TITLE);
        if (!cloud) {
            page.put("type", "page");
        }
        page.putObject("version").put("number", version).put("minorEdit", true);
        ObjectNode storage = page.putObject("body").putObject("storage");
        storage.put("value", body).put("representation", "storage");
        return page;
    }

    private static String error(int status, String code, String title) {
        ObjectNode errors = JSON.createObjectNode();
        errors.putArray("errors")
                .addObject()
                .put("status", status)
                .put("code", code)
                .put("title", title);
        return errors.toString();
    }

    private static String v1Error(int status, String message) {
        return JSON.createObjectNode()
                .put("statusCode", status)
                .put("message", message)
                .toString();
    }

    private static ResponseDefinition answer(int status, String json) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(json)
                .build();
    }
}
