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
 * and the real service connected to both and to Alma's webhook profile, no retries of a 429; and a member
 * institution's own Sandbox and production ({@link #MEMBER}, its own webhook secret, its roles taken back by the
 * engine), as a consortium configures each member's Alma. One is shared by the
 * test classes that need no other setting, stopped when the JVM ends: a service costs seconds to start, a scenario
 * keeps to its own people, jobs and Alma users.
 */
final class FakeAlmaService implements AutoCloseable {

    static final String KEY = "l8xx-fake-alma-key-never-shown-0123456789";

    /** The member whose Alma is {@link #memberSandbox} and {@link #memberProduction}, once registered. */
    static final String MEMBER = "ALMA_MEMBER";

    static final String MEMBER_KEY = "l8xx-the-members-own-alma-key-0123456789";
    static final String MEMBER_SECRET = "the-members-own-webhook-secret";

    private static FakeAlmaService shared;

    final WireMockServer sandbox;
    final WireMockServer production;
    final WireMockServer memberSandbox;
    final WireMockServer memberProduction;
    final RunningService service;

    private FakeAlmaService(List<WireMockServer> almas, RunningService service) {
        this.sandbox = almas.get(0);
        this.production = almas.get(1);
        this.memberSandbox = almas.get(2);
        this.memberProduction = almas.get(3);
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
        List<WireMockServer> almas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            WireMockServer alma = new WireMockServer(wireMockConfig().dynamicPort());
            alma.start();
            almas.add(alma);
        }
        List<String> arguments = new ArrayList<>();
        connect(arguments, "--approval.alma.sandbox", almas.get(0), KEY);
        connect(arguments, "--approval.alma.production", almas.get(1), KEY);
        arguments.add("--approval.alma.webhook.secret=" + AlmaWebhookTest.SECRET);
        arguments.add("--approval.members[0].code=" + MEMBER);
        connect(arguments, "--approval.members[0].alma.sandbox", almas.get(2), MEMBER_KEY);
        connect(arguments, "--approval.members[0].alma.production", almas.get(3), MEMBER_KEY);
        arguments.add("--approval.members[0].alma.production.take-back=automatic");
        arguments.add("--approval.members[0].alma.webhook.secret=" + MEMBER_SECRET);
        arguments.add("--approval.webhooks.poll-interval=PT0.1S");
        arguments.addAll(List.of(settings));
        try {
            return new FakeAlmaService(almas, RunningService.start(dataDir, arguments.toArray(String[]::new)));
        } catch (RuntimeException failedStart) {
            almas.forEach(WireMockServer::stop);
            throw failedStart;
        }
    }

    private static void connect(List<String> arguments, String prefix, WireMockServer alma, String key) {
        arguments.add(prefix + ".base-url=" + alma.baseUrl());
        arguments.add(prefix + ".api-key=" + key);
        arguments.add(prefix + ".max-retries=0");
    }

    /** A new requester of a job of their own, known to both Almas. */
    AlmaRequester requester() {
        return new AlmaRequester(service, sandbox, production);
    }

    @Override
    public void close() {
        service.close();
        List.of(sandbox, production, memberSandbox, memberProduction).forEach(WireMockServer::stop);
    }
}
