package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.Api.Response;

/**
 * Guessing a client's secret is stopped: after a few failures from one address, that client is refused there for a
 * while (429 with Retry-After), while other clients calling from the same address go on.
 */
class FailedAttemptsTest {

    @TempDir
    Path dataDir;

    @Test
    void repeatedFailuresForOneClientAreRefusedForAWhileAndOthersGoOn() {
        try (RunningService service = RunningService.start(dataDir, "--approval.security.failed-attempt-limit=3")) {
            Api admin = service.api();
            String guessedKey = Scenario.integrationKey(admin, "guessed");
            String client = guessedKey.substring(0, guessedKey.lastIndexOf('.'));
            Api otherClient = admin.withKey(Scenario.integrationKey(admin, "bystander"));

            List<Integer> statuses = new ArrayList<>();
            for (int guess = 0; guess < 5; guess++) {
                statuses.add(admin.withKey(client + ".guess-" + guess)
                        .get("/tickets")
                        .status());
            }
            assertThat(statuses).containsExactly(401, 401, 401, 429, 429);

            Response refused = admin.withKey(guessedKey).get("/tickets");
            assertThat(refused.status())
                    .as("even the right secret, while refused")
                    .isEqualTo(429);
            assertThat(refused.code()).isEqualTo("TOO_MANY_FAILED_ATTEMPTS");
            assertThat(refused.retryAfter()).isNotNull();
            assertThat(Integer.parseInt(refused.retryAfter())).isBetween(1, 61);

            assertThat(otherClient.get("/tickets").status()).isEqualTo(200);
            assertThat(admin.get("/access-refusals").body().toString())
                    .contains("TOO_MANY_FAILED_ATTEMPTS")
                    .doesNotContain("guess-");
        }
    }
}
