package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.nio.file.Files;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.signoff.api.testkit.RunningService;

/**
 * One fake Alma (WireMock, answering as Alma does; each test stubs paths of its own) and one service whose Sandbox,
 * production and webhook profile point at it, shared by the test classes that need them, stopped when the JVM ends.
 */
final class FakeAlmaService {

    static final String KEY = "l8xx-fake-alma-key-never-shown-0123456789";

    private static FakeAlmaService shared;

    final WireMockServer alma;
    final RunningService service;

    private FakeAlmaService(WireMockServer alma, RunningService service) {
        this.alma = alma;
        this.service = service;
    }

    static synchronized FakeAlmaService shared() {
        if (shared == null) {
            WireMockServer alma = new WireMockServer(wireMockConfig().dynamicPort());
            alma.start();
            try {
                RunningService service = RunningService.start(
                        Files.createTempDirectory("fake-alma-service"),
                        "--approval.alma.sandbox.base-url=" + alma.baseUrl(),
                        "--approval.alma.sandbox.api-key=" + KEY,
                        "--approval.alma.sandbox.max-retries=0",
                        "--approval.alma.production.base-url=" + alma.baseUrl(),
                        "--approval.alma.production.api-key=" + KEY,
                        "--approval.alma.production.max-retries=0",
                        "--approval.alma.webhook.secret=" + AlmaWebhookTest.SECRET,
                        "--approval.webhooks.poll-interval=PT0.1S");
                shared = new FakeAlmaService(alma, service);
            } catch (IOException e) {
                alma.stop();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.service.close();
                shared.alma.stop();
            }));
        }
        return shared;
    }
}
