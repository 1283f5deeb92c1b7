package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.signoff.api.testkit.RunningService;

/**
 * A fake Sandbox and a fake production Alma (WireMock each, answering as Alma does; each test stubs paths of its own)
 * and the real service connected to both and to Alma's webhook profile, no retries of a 429. One is shared by the
 * test classes that need no other setting, stopped when the JVM ends: a service costs seconds to start, a scenario
 * keeps to its own people, jobs and Alma users.
 */
final class FakeAlmaService implements AutoCloseable {

    static final String KEY = "l8xx-fake-alma-key-never-shown-0123456789";

    private static FakeAlmaService shared;

    final WireMockServer sandbox;
    final WireMockServer production;
    final RunningService service;

    private FakeAlmaService(WireMockServer sandbox, WireMockServer production, RunningService service) {
        this.sandbox = sandbox;
        this.production = production;
        this.service = service;
    }

    static synchronized FakeAlmaService shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** One of its own, for a setting the shared one must not have; {@code settings} as on the command line. */
    static FakeAlmaService start(String... settings) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("fake-alma-service");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        WireMockServer sandbox = new WireMockServer(wireMockConfig().dynamicPort());
        WireMockServer production = new WireMockServer(wireMockConfig().dynamicPort());
        sandbox.start();
        production.start();
        List<String> arguments = new ArrayList<>();
        connect(arguments, "sandbox", sandbox);
        connect(arguments, "production", production);
        arguments.add("--approval.alma.webhook.secret=" + AlmaWebhookTest.SECRET);
        arguments.add("--approval.webhooks.poll-interval=PT0.1S");
        arguments.addAll(List.of(settings));
        try {
            return new FakeAlmaService(
                    sandbox, production, RunningService.start(dataDir, arguments.toArray(String[]::new)));
        } catch (RuntimeException failedStart) {
            sandbox.stop();
            production.stop();
            throw failedStart;
        }
    }

    private static void connect(List<String> arguments, String environment, WireMockServer alma) {
        String prefix = "--approval.alma." + environment;
        arguments.add(prefix + ".base-url=" + alma.baseUrl());
        arguments.add(prefix + ".api-key=" + KEY);
        arguments.add(prefix + ".max-retries=0");
    }

    /** A new requester of a job of their own, known to both Almas. */
    AlmaRequester requester() {
        return new AlmaRequester(service, sandbox, production);
    }

    @Override
    public void close() {
        service.close();
        sandbox.stop();
        production.stop();
    }
}
