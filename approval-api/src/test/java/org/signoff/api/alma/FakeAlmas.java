package org.signoff.api.alma;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.signoff.api.testkit.RunningService;

/** A fake Sandbox and a fake production Alma, and the real service connected to both (no retries of a 429). */
record FakeAlmas(RunningService service, WireMockServer sandbox, WireMockServer production) {

    static FakeAlmas start(Path dataDir, String... settings) {
        WireMockServer sandbox = new WireMockServer(wireMockConfig().dynamicPort());
        WireMockServer production = new WireMockServer(wireMockConfig().dynamicPort());
        sandbox.start();
        production.start();
        List<String> arguments = new ArrayList<>();
        for (Map.Entry<String, WireMockServer> environment :
                Map.of("sandbox", sandbox, "production", production).entrySet()) {
            String prefix = "--approval.alma." + environment.getKey();
            arguments.add(prefix + ".base-url=" + environment.getValue().baseUrl());
            arguments.add(prefix + ".api-key=" + AlmaConnectionTest.KEY);
            arguments.add(prefix + ".max-retries=0");
        }
        arguments.addAll(List.of(settings));
        return new FakeAlmas(RunningService.start(dataDir, arguments.toArray(String[]::new)), sandbox, production);
    }

    /** A new requester of a job of their own, known to both Almas. */
    AlmaRequester requester() {
        return new AlmaRequester(service, sandbox, production);
    }

    void stop() {
        service.close();
        sandbox.stop();
        production.stop();
    }
}
