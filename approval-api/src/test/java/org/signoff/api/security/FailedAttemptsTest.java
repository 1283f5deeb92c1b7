package org.signoff.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.Api.Response;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.Scenario;

/**
 * Guessing a client's secret is stopped: after a few failures from one address, that client is refused there for a
 * while (429 with Retry-After), while other clients calling from the same address go on. Behind a trusted proxy the
 * address is the client's, from {@code X-Forwarded-For}; from anyone else that header changes nothing.
 */
class FailedAttemptsTest {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    /** A lock-out is the client's at one address: the two scenarios with the default proxies share a service. */
    @TempDir
    static Path sharedDir;

    private static RunningService limitOfThree;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void start() {
        limitOfThree = RunningService.start(sharedDir, "--approval.security.failed-attempt-limit=3");
    }

    @AfterAll
    static void stop() {
        limitOfThree.close();
    }

    @Test
    void repeatedFailuresForOneClientAreRefusedForAWhileAndOthersGoOn() {
        Api admin = limitOfThree.api();
        String guessedKey = Scenario.integrationKey(admin, "guessed");
        String client = guessedKey.substring(0, guessedKey.lastIndexOf('.'));
        Api otherClient = admin.withKey(Scenario.integrationKey(admin, "bystander"));

        assertThat(fiveGuesses(admin, client)).containsExactly(401, 401, 401, 429, 429);

        Response refused = admin.withKey(guessedKey).get("/tickets");
        assertThat(refused.status()).as("even the right secret, while refused").isEqualTo(429);
        assertThat(refused.code()).isEqualTo("TOO_MANY_FAILED_ATTEMPTS");
        assertThat(refused.retryAfter()).isNotNull();
        assertThat(Integer.parseInt(refused.retryAfter())).isBetween(1, 61);

        assertThat(otherClient.get("/tickets").status()).isEqualTo(200);
        assertThat(admin.get("/access-refusals").body().toString())
                .contains("TOO_MANY_FAILED_ATTEMPTS")
                .doesNotContain("guess-");
    }

    @Test
    void guessesSentThroughTheProxyLockOutTheGuesserNotTheIntegrationBehindTheSameProxy() {
        // the test connects from loopback: the trusted proxy of the default settings
        Api admin = limitOfThree.api();
        String key = Scenario.integrationKey(admin, "ticketing");
        String client = key.substring(0, key.lastIndexOf('.'));
        Api guesser = admin.withHeader(FORWARDED_FOR, "203.0.113.7");

        assertThat(fiveGuesses(guesser, client)).containsExactly(401, 401, 401, 429, 429);

        assertThat(admin.withKey(key)
                        .withHeader(FORWARDED_FOR, "198.51.100.9")
                        .get("/tickets")
                        .status())
                .as("the integration, from its own address behind the proxy")
                .isEqualTo(200);
        assertThat(admin.withKey(key).get("/tickets").status())
                .as("the proxy's own address, which failed nothing")
                .isEqualTo(200);
        assertThat(guesser.withKey(key).get("/tickets").status())
                .as("the guesser, even with the right secret")
                .isEqualTo(429);
    }

    @Test
    void aForwardedAddressFromAnUntrustedCallerChangesNothing() {
        try (RunningService service = RunningService.start(
                dataDir,
                "--approval.security.failed-attempt-limit=3",
                "--server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1")) {
            Api admin = service.api();
            String key = Scenario.integrationKey(admin, "ticketing");
            String client = key.substring(0, key.lastIndexOf('.'));

            List<Integer> statuses = new ArrayList<>();
            for (int guess = 0; guess < 5; guess++) {
                statuses.add(admin.withKey(client + ".guess-" + guess)
                        .withHeader(FORWARDED_FOR, "203.0.113." + guess)
                        .get("/tickets")
                        .status());
            }
            assertThat(statuses)
                    .as("a new forwarded address for every guess, not from a trusted proxy")
                    .containsExactly(401, 401, 401, 429, 429);
        }
    }

    @Test
    void theHealthCheckIsNeverRefusedForFailedAttempts() {
        try (RunningService service = RunningService.start(dataDir, "--approval.security.failed-attempt-limit=1")) {
            Api anonymous = service.api().withKey(null);
            Api badToken = anonymous.withHeader("Authorization", "Bearer not-a-token");
            for (int attempt = 0; attempt < 10; attempt++) {
                badToken.get("/tickets");
            }
            assertThat(badToken.get("/tickets").status()).isEqualTo(429);

            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
            assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        }
    }

    /** Five wrong secrets for the client, in turn: the answers. */
    private static List<Integer> fiveGuesses(Api caller, String client) {
        List<Integer> statuses = new ArrayList<>();
        for (int guess = 0; guess < 5; guess++) {
            statuses.add(
                    caller.withKey(client + ".guess-" + guess).get("/tickets").status());
        }
        return statuses;
    }
}
