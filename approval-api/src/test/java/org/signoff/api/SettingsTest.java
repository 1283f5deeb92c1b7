package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.signoff.api.testkit.RunningService;

/** An operator who mistypes a setting learns which one at start-up, rather than meeting its effect in production. */
class SettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void aNegativeMarginForPassingRemindersOnStopsTheStart() {
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.deadlines.pass-on-margin=-PT5M"))
                .hasStackTraceContaining("approval.deadlines.pass-on-margin cannot be negative, was PT-5M");
    }

    @Test
    void aHeartbeatOfNothingStopsTheStart() {
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.deadlines.heartbeat=0s"))
                .hasStackTraceContaining("approval.deadlines.heartbeat must be longer than zero, was PT0S");
    }

    @Test
    void aNegativeStoreLingerStopsTheStart() {
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.store-linger=-1ms"))
                .hasStackTraceContaining("approval.store-linger cannot be negative");
    }

    @Test
    void anAggregateCacheOfNothingStopsTheStart() {
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.aggregate-cache-size=0"))
                .hasStackTraceContaining("approval.aggregate-cache-size must be at least 1, was 0");
    }

    @Test
    void noDeliveryAttemptAtAllStopsTheStart() {
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.webhooks.max-attempts=0"))
                .hasStackTraceContaining("approval.webhooks.max-attempts must be at least 1, was 0");
    }

    @Test
    void aNegativeOverlapOfAReplacedWebhookSecretStopsTheStart() {
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.webhooks.secret-overlap=-PT1H"))
                .hasStackTraceContaining("approval.webhooks.secret-overlap cannot be negative, was PT-1H");
    }

    @Test
    void anAnalyticsMinimumCellOfNoTicketStopsTheStart() {
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.consortium.analytics-minimum-cell=0"))
                .hasStackTraceContaining("approval.consortium.analytics-minimum-cell must be at least 1, was 0");
    }
}
