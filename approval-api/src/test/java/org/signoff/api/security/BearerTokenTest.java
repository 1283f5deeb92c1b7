package org.signoff.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signoff.api.testkit.Scenario.CHANGE_ITEMS;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import org.signoff.api.testkit.Members;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * A deployment with an identity provider: the service checks real signed tokens against the provider's keys, served
 * over HTTP as a JWK set, and the staff id in a claim names the caller, who then acts as that person.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BearerTokenTest {

    private static final String ISSUER = "https://idp.library.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpServer identityProvider;
    private static KeyPair providerKeys;
    private static RunningService service;
    private static Scenario scenario;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() throws IOException {
        providerKeys = rsaKeyPair();
        String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) providerKeys.getPublic())
                        .keyID("idp-1")
                        .build())
                .toString();
        identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        identityProvider.createContext("/jwks", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        identityProvider.start();
        service = RunningService.start(
                dataDir,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
                        + identityProvider.getAddress().getPort() + "/jwks",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER);
        scenario = new Scenario(service.api());
    }

    @AfterAll
    static void stop() {
        service.close();
        identityProvider.stop(0);
    }

    @Test
    void aValidTokenActsAsThePersonItNames() throws Exception {
        String token =
                token(providerKeys, ISSUER, scenario.requester, Instant.now().plusSeconds(300));

        HttpResponse<String> opened = send("POST", "/tickets", token, "{\"jobId\": \"" + CHANGE_ITEMS + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String ticket = JSON.readTree(opened.body()).get("ticketId").asText();

        JsonNode view = scenario.api.await("/tickets/" + ticket, body -> true);
        assertThat(view.at("/ticket/staffId").asText()).isEqualTo(scenario.requester);
        assertThat(view.at("/history/0/client").asText()).isEqualTo("library-portal");
        assertThat(firstMetaDataOf(ticket))
                .as("the event names the institution the token acted within: the default one, which it names")
                .contains("\"institution\":\"DEFAULT\"");

        HttpResponse<String> asSomeoneElse = send(
                "POST",
                "/tickets/" + ticket + "/withdrawal",
                token,
                "{\"performedBy\": \"" + scenario.colleague + "\"}");
        assertThat(asSomeoneElse.statusCode()).isEqualTo(403);
        assertThat(asSomeoneElse.body()).contains("PERFORMER_NOT_ALLOWED");

        String withoutInstitution =
                token(providerKeys, ISSUER, scenario.requester, Instant.now().plusSeconds(300), null);
        assertThat(send("GET", "/tickets/" + ticket, withoutInstitution, null).statusCode())
                .as("a token naming no institution, as every token before institutions: the default one")
                .isEqualTo(200);
    }

    /** Last: once the engine holds a member, a token that names no institution could be anyone's. */
    @Test
    @Order(Integer.MAX_VALUE)
    void onceTheEngineHoldsMembersATokenActsWithinTheInstitutionItNamesAndOneNamingNoneIsRefused() throws Exception {
        Members.register(Members.consortiumAdministrator(service.api()), "01BLC_BU", "Boston University");
        Instant soon = Instant.now().plusSeconds(300);

        HttpResponse<String> memberStaff =
                send("GET", "/staff", token(providerKeys, ISSUER, "admin", soon, "01BLC_BU"), null);
        assertThat(memberStaff.statusCode()).as(memberStaff.body()).isEqualTo(200);
        assertThat(JSON.readTree(memberStaff.body()).findValuesAsText("staffId"))
                .as("the member's directory, by its own ids: its first administrator only")
                .containsExactly("admin");

        assertThat(send("GET", "/staff", token(providerKeys, ISSUER, scenario.requester, soon, null), null)
                        .statusCode())
                .as("a token naming no institution")
                .isEqualTo(401);
        assertThat(send("GET", "/staff", token(providerKeys, ISSUER, scenario.requester, soon, "DEFAULT"), null)
                        .statusCode())
                .as("a token naming the default institution")
                .isEqualTo(200);
        assertThat(send("GET", "/staff", token(providerKeys, ISSUER, "admin", soon, "01BLC_XX"), null)
                        .statusCode())
                .as("a token naming an institution the engine does not hold")
                .isEqualTo(401);
    }

    @Test
    void anApiKeyActsWithinTheInstitutionItWasRegisteredIn() {
        String ticket = scenario.open(scenario.colleague, CHANGE_ITEMS);

        assertThat(firstMetaDataOf(ticket)).contains("\"institution\":\"DEFAULT\"");
        JsonNode clients = scenario.admin.get("/api-clients").body();
        assertThat(clients.findValues("clientId").stream()
                        .map(JsonNode::asText)
                        .filter(id -> id.equals(scenario.integrationClient()))
                        .count())
                .isOne();
        clients.forEach(client -> assertThat(client.get("institution").asText())
                .as("every client of a one-institution engine, the first administrator's from before too")
                .isEqualTo("DEFAULT"));
    }

    @Test
    void everyEventNamesTheInstitutionItIsOfThoseTheEngineCausedItselfToo() {
        List<String> unnamed = service
                .bean(JdbcClient.class)
                .sql("SELECT payloadType, metaData FROM DomainEventEntry")
                .query((rs, n) -> rs.getString(1) + " " + new String(rs.getBytes(2), StandardCharsets.UTF_8))
                .list()
                .stream()
                .filter(event -> !event.contains("\"institution\":\"DEFAULT\""))
                .toList();
        assertThat(unnamed).as("the seed's events among them").isEmpty();
    }

    @Test
    void anApiKeySentAsABearerCredentialIsTakenAsTheKeyBesideTheProvidersTokens() throws Exception {
        String key = Scenario.integrationKey(scenario.admin, "bearer-key-" + System.nanoTime());
        HttpResponse<String> scraped = send("GET", "/actuator/prometheus", key, null);
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", key + "x", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenWithAWrongSignatureIssuerExpiryOrPersonIsRefused(CapturedOutput output) throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        String forged = token(rsaKeyPair(), ISSUER, scenario.requester, later);
        String otherIssuer = token(providerKeys, "https://elsewhere.example", scenario.requester, later);
        String expired =
                token(providerKeys, ISSUER, scenario.requester, Instant.now().minusSeconds(600));
        String noStaffClaim = token(providerKeys, ISSUER, null, later);
        String stranger = token(providerKeys, ISSUER, "nobody-we-know", later);
        String otherInstitution = token(providerKeys, ISSUER, scenario.requester, later, "01OTHER_INST");
        for (String refused :
                new String[] {forged, otherIssuer, expired, noStaffClaim, stranger, otherInstitution, "not.a.token"}) {
            HttpResponse<String> response = send("GET", "/tickets", refused, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(challenge -> assertThat(challenge).contains("Bearer"));
        }
        assertThat(output.getAll()).doesNotContain(forged);
    }

    /** The metadata of the ticket's first event, as stored. */
    private static String firstMetaDataOf(String ticket) {
        return new String(
                service.bean(JdbcClient.class)
                        .sql(
                                "SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")
                        .param(ticket)
                        .query(byte[].class)
                        .list()
                        .get(0),
                StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String baseUrl() {
        return "http://localhost:" + service.port();
    }

    /** A token as the identity provider signs it: RS256, its issuer, the person in {@code sub}, its expiry. */
    private static String token(KeyPair keys, String issuer, String staffId, Instant expires) {
        return token(keys, issuer, staffId, expires, "DEFAULT");
    }

    /** The same, naming the person's institution in the claim {@code institution}. */
    private static String token(KeyPair keys, String issuer, String staffId, Instant expires, String institution) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID("idp-1")
                .build();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .issuedAt(expires.minusSeconds(900))
                .expiresAt(expires)
                .claim("azp", "library-portal");
        if (institution != null) {
            claims.claim("institution", institution);
        }
        if (staffId != null) {
            claims.subject(staffId);
        }
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).keyId("idp-1").build(), claims.build()))
                .getTokenValue();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
