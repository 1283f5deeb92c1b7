package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The API key is a secret: whatever Alma answers, it is in no log line, no problem and no printed setting. */
@ExtendWith(OutputCaptureExtension.class)
class AlmaSecretTest {

    @Test
    void theApiKeyIsInNoLogLineNoProblemAndNoPrintedSetting(CapturedOutput output) {
        String key = AlmaConnectionTest.KEY;
        WireMockServer alma = new WireMockServer(wireMockConfig().dynamicPort());
        alma.start();
        URI gone = URI.create(alma.baseUrl());
        List<String> said = new ArrayList<>();
        try {
            for (int status : new int[] {400, 401, 403, 429, 500}) {
                alma.resetAll();
                alma.stubFor(get(anyUrl())
                        .willReturn(aResponse()
                                .withStatus(status)
                                .withHeader("Content-Type", "application/json")
                                .withBody(AlmaAnswers.error(
                                        status == 429 ? "PER_SECOND_THRESHOLD" : "UNAUTHORIZED", "refused"))));
                said.add(failure(() -> AlmaConnectionTest.connection(URI.create(alma.baseUrl()), 1)
                        .user("jdoe")));
            }
            alma.resetAll();
            alma.stubFor(get(anyUrl()).willReturn(aResponse().withFixedDelay(1_000)));
            said.add(failure(() -> AlmaConnectionTest.connection(URI.create(alma.baseUrl()), 1, Duration.ofMillis(300))
                    .jobInstance("M28", "1")));
        } finally {
            alma.stop();
        }
        said.add(failure(() -> AlmaConnectionTest.connection(gone, 1).user("jdoe")));
        AlmaSettings.Environment settings = new AlmaSettings.Environment(
                URI.create("https://api-eu.hosted.exlibrisgroup.com"),
                key,
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                1);
        said.add(settings.toString());
        said.add(new AlmaSettings(settings, settings).toString());
        said.add(AlmaConnectionTest.connection(URI.create("https://api-eu.hosted.exlibrisgroup.com"), 1)
                .toString());

        assertThat(output.getAll()).contains("Alma (sandbox)").doesNotContain(key);
        assertThat(said).hasSize(10).allSatisfy(text -> assertThat(text).doesNotContain(key));
    }

    /** What a failure says: its message and every member of its problem. */
    private static String failure(Runnable call) {
        try {
            call.run();
            throw new AssertionError("Alma's refusal was taken as an answer");
        } catch (org.signoff.api.problem.ProblemException refused) {
            return refused.getMessage() + " " + refused.members() + " " + refused;
        }
    }
}
