package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection against a fake Alma over real HTTP, answering as Alma does: a user with {@code user_role}, a job
 * instance, the error body, the per-second threshold, a wrong key, an Alma that does not answer.
 */
class AlmaConnectionTest {

    static final String KEY = "l8xx0123456789abcdefSECRETKEY";

    private WireMockServer alma;

    @BeforeEach
    void startAlma() {
        alma = new WireMockServer(wireMockConfig().dynamicPort());
        alma.start();
    }

    @AfterEach
    void stopAlma() {
        alma.stop();
    }

    @Test
    void aUserIsReadWithEveryRoleItHoldsInAlma() {
        alma.stubFor(get(urlPathEqualTo("/almaws/v1/users/jdoe")).willReturn(okJson(AlmaAnswers.USER)));

        AlmaUser user = sandbox(3).user("jdoe");

        assertThat(user.primaryId()).isEqualTo("jdoe");
        assertThat(user.roles())
                .containsExactly(
                        new AlmaUser.Role(
                                "214",
                                "01UNI_INST",
                                "ACTIVE",
                                List.of(new AlmaUser.Parameter("ServiceUnit", "01UNI_INST", "MAIN_CIRC"))),
                        new AlmaUser.Role("51", "01UNI_INST", "INACTIVE", List.of()));
        alma.verify(getRequestedFor(urlPathEqualTo("/almaws/v1/users/jdoe"))
                .withHeader("Authorization", equalTo("apikey " + KEY))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void aJobInstanceIsReadWithItsStatusCountersSubmitterAndTimes() {
        alma.stubFor(get(urlPathEqualTo("/almaws/v1/conf/jobs/M28/instances/6117829950004146"))
                .willReturn(okJson(AlmaAnswers.JOB_INSTANCE)));

        AlmaJobInstance run = sandbox(3).jobInstance("M28", "6117829950004146");

        assertThat(run.id()).isEqualTo("6117829950004146");
        assertThat(run.jobId()).isEqualTo("M28");
        assertThat(run.status()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(run.submittedBy()).isEqualTo("jdoe");
        assertThat(run.startTime()).isEqualTo(Instant.parse("2026-11-30T09:12:04.802Z"));
        assertThat(run.endTime()).isEqualTo(Instant.parse("2026-11-30T09:14:41.117Z"));
        assertThat(run.counters())
                .extracting(AlmaJobInstance.Counter::type, AlmaJobInstance.Counter::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c.jobs.bibImport.totalRecords", "120"),
                        org.assertj.core.groups.Tuple.tuple("c.jobs.bibImport.importedRecords", "117"),
                        org.assertj.core.groups.Tuple.tuple("c.jobs.bibImport.failedRecords", "3"));
    }

    @Test
    void anUnknownUserIsAlmasRefusalNamingItsCode() {
        alma.stubFor(get(urlPathEqualTo("/almaws/v1/users/nobody"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AlmaAnswers.error("401861", "User with identifier nobody was not found."))));

        AlmaRefused refused =
                catchThrowableOfType(AlmaRefused.class, () -> sandbox(3).user("nobody"));

        assertThat(refused.status().value()).isEqualTo(502);
        assertThat(refused.code()).isEqualTo("ALMA_REFUSED");
        assertThat(refused.almaCode()).isEqualTo("401861");
        assertThat(refused.getMessage()).contains("401861", "User with identifier nobody was not found.");
        assertThat(refused.members()).containsEntry("almaCode", "401861").containsEntry("environment", "sandbox");
    }

    @Test
    void thePerSecondThresholdTwiceThenTheRecordIsRiddenOut() {
        alma.stubFor(threshold().inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("once"));
        alma.stubFor(threshold().inScenario("busy").whenScenarioStateIs("once").willSetStateTo("twice"));
        alma.stubFor(get(urlPathEqualTo("/almaws/v1/users/jdoe"))
                .inScenario("busy")
                .whenScenarioStateIs("twice")
                .willReturn(okJson(AlmaAnswers.USER)));

        assertThat(sandbox(3).user("jdoe").primaryId()).isEqualTo("jdoe");
        alma.verify(3, getRequestedFor(urlPathEqualTo("/almaws/v1/users/jdoe")));
    }

    @Test
    void aThresholdThatNeverLiftsIsAClearFailureAfterTheRetries() {
        alma.stubFor(threshold());

        AlmaUnavailable unavailable =
                catchThrowableOfType(AlmaUnavailable.class, () -> sandbox(2).user("jdoe"));

        assertThat(unavailable.status().value()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo("ALMA_UNAVAILABLE");
        assertThat(unavailable.getMessage()).contains("PER_SECOND_THRESHOLD after 2 retries");
        assertThat(unavailable.headers()).containsKey("Retry-After");
        alma.verify(3, getRequestedFor(urlPathEqualTo("/almaws/v1/users/jdoe")));
    }

    @Test
    void aWrongKeyIsRejectedCredentialsWhetherAlmaSays401OrUnauthorized() {
        alma.stubFor(get(urlPathEqualTo("/almaws/v1/users/jdoe"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AlmaAnswers.error(
                                "UNAUTHORIZED", "API-key not defined or not configured to allow this API."))));
        alma.stubFor(get(urlPathEqualTo("/almaws/v1/users/olduser"))
                .willReturn(aResponse().withStatus(401)));

        for (String user : List.of("jdoe", "olduser")) {
            AlmaCredentialsRejected rejected = catchThrowableOfType(
                    AlmaCredentialsRejected.class, () -> sandbox(3).user(user));
            assertThat(rejected.code()).isEqualTo("ALMA_CREDENTIALS_REJECTED");
            assertThat(rejected.getMessage()).contains("approval.alma.sandbox.api-key");
        }
    }

    @Test
    void anAlmaThatDoesNotAnswerInTimeIsUnavailable() {
        alma.stubFor(get(urlPathEqualTo("/almaws/v1/users/jdoe"))
                .willReturn(okJson(AlmaAnswers.USER).withFixedDelay(2_000)));

        assertThatThrownBy(() -> connection(URI.create(alma.baseUrl()), 3, Duration.ofMillis(300))
                        .user("jdoe"))
                .isInstanceOf(AlmaUnavailable.class)
                .hasMessageContaining("did not answer within 300 ms");
    }

    @Test
    void anAlmaThatRefusesTheConnectionIsUnavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() ->
                        connection(URI.create("http://127.0.0.1:" + closed), 3).user("jdoe"))
                .isInstanceOf(AlmaUnavailable.class)
                .hasMessageContaining("could not be reached");
    }

    private com.github.tomakehurst.wiremock.client.MappingBuilder threshold() {
        return get(urlPathEqualTo("/almaws/v1/users/jdoe"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AlmaAnswers.error(
                                "PER_SECOND_THRESHOLD", "HTTP requests are more than allowed per second")));
    }

    private AlmaConnection sandbox(int maxRetries) {
        return connection(URI.create(alma.baseUrl()), maxRetries);
    }

    /** A patient connection: a first answer of a cold fake Alma on a busy machine may take longer than 300 ms. */
    static AlmaConnection connection(URI baseUrl, int maxRetries) {
        return connection(baseUrl, maxRetries, Duration.ofSeconds(5));
    }

    static AlmaConnection connection(URI baseUrl, int maxRetries, Duration readTimeout) {
        return new AlmaConnection(
                AlmaEnvironment.SANDBOX,
                new AlmaSettings.Environment(baseUrl, KEY, null, Duration.ofSeconds(1), readTimeout, maxRetries),
                KEY);
    }
}
