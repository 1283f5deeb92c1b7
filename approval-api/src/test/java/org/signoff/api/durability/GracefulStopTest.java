package org.signoff.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.Api;
import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.ServiceProcess;

/**
 * A graceful stop (SIGTERM, as a container stop or systemd sends it) leaves the store as the process left it: the
 * read models' claims released on disk, so the next start takes its segments at once instead of waiting out a
 * process that is gone (issue 34: healthy in seconds).
 */
class GracefulStopTest {

    @TempDir
    Path dataDir;

    @Test
    void aStoppedServiceLeavesNoReadModelClaimed() throws Exception {
        int port = ServiceProcess.freePort();
        Process service = ServiceProcess.launch(dataDir, port);
        try {
            Api admin = new Api(port).withKey(RunningService.ADMIN_KEY);
            ServiceProcess.awaitHealthy(admin, service);
            for (int i = 0; i < 20; i++) {
                assertThat(admin.post("/staff", """
                                {"staffId": "stop-%d", "displayName": "Stop %d", "unit": "ITS", "roles": ["STAFF"],
                                 "performedBy": "admin"}""".formatted(i, i)).status()).isEqualTo(201);
            }
            service.destroy(); // SIGTERM: the graceful stop
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            service.destroyForcibly();
        }

        List<String> claimed = new ArrayList<>();
        try (Connection store = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("approval"), "sa", "");
                ResultSet tokens = store.createStatement()
                        .executeQuery("SELECT processorName, owner FROM TokenEntry WHERE owner IS NOT NULL")) {
            while (tokens.next()) {
                claimed.add(tokens.getString(1) + " by " + tokens.getString(2));
            }
        }
        assertThat(claimed).as("segments still claimed after the stop").isEmpty();
    }
}
