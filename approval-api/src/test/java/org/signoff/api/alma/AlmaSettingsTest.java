package org.signoff.api.alma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.signoff.api.testkit.RunningService;

/** An operator who mistypes an Alma setting learns which one at start-up, not at the first step that reads Alma. */
@ExtendWith(OutputCaptureExtension.class)
class AlmaSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void aGatewayWithoutAKeyStopsTheStart() {
        assertThatThrownBy(() -> RunningService.start(
                        dataDir, "--approval.alma.production.base-url=https://api-eu.hosted.exlibrisgroup.com"))
                .hasStackTraceContaining("approval.alma.production.base-url is set without "
                        + "approval.alma.production.api-key or approval.alma.production.api-key-file");
    }

    @Test
    void retriesOutOfRangeStopTheStart() {
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.alma.sandbox.max-retries=-1"))
                .hasStackTraceContaining("approval.alma.sandbox.max-retries must be 0 to 10, was -1");
    }

    @Test
    void aReadTimeoutOfNothingStopsTheStart() {
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.alma.sandbox.read-timeout=0s"))
                .hasStackTraceContaining("approval.alma.sandbox.read-timeout must be longer than zero, was PT0S");
    }

    @Test
    void aStopOverAnotherSettingDoesNotPrintTheKey(CapturedOutput output) {
        assertThatThrownBy(() -> RunningService.start(
                        dataDir,
                        "--approval.alma.sandbox.base-url=https://api-eu.hosted.exlibrisgroup.com",
                        "--approval.alma.sandbox.api-key=" + AlmaConnectionTest.KEY,
                        "--approval.alma.sandbox.connect-timeout=-1s"))
                .hasStackTraceContaining("approval.alma.sandbox.connect-timeout must be longer than zero")
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain(AlmaConnectionTest.KEY));
        assertThat(output.getAll()).contains("connect-timeout").doesNotContain(AlmaConnectionTest.KEY);
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }

    @Test
    void twoInstitutionsWithOneWebhookSecretStopTheStartWithoutPrintingIt(CapturedOutput output) {
        // a post signed with it would not say whose Alma sent it
        assertThatThrownBy(() -> RunningService.start(
                        dataDir,
                        "--approval.alma.webhook.secret=" + AlmaWebhookTest.SECRET,
                        "--approval.members[0].code=01BLC_BU",
                        "--approval.members[0].alma.webhook.secret=" + AlmaWebhookTest.SECRET))
                .hasStackTraceContaining("The Alma webhook secrets of DEFAULT and 01BLC_BU are the same")
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain(AlmaWebhookTest.SECRET));
        assertThat(output.getAll()).doesNotContain(AlmaWebhookTest.SECRET);
    }

    @Test
    void aMembersSettingOutOfRangeStopsTheStartNamingItsPlace() {
        assertThatThrownBy(() -> RunningService.start(
                        dataDir,
                        "--approval.members[0].code=01BLC_BU",
                        "--approval.members[0].alma.sandbox.max-retries=11"))
                .hasStackTraceContaining("approval.members[0].alma")
                .hasStackTraceContaining("max-retries must be 0 to 10, was 11");
    }

    @Test
    void aWebhookSecretFileThatCannotBeReadStopsTheStartNamingTheSetting() {
        Path missing = dataDir.resolve("no-such-secret");
        assertThatThrownBy(() -> RunningService.start(dataDir, "--approval.alma.webhook.secret-file=" + missing))
                .hasStackTraceContaining("approval.alma.webhook.secret-file cannot be read: " + missing);
    }

    @Test
    void aWebhookSecretGivenTwiceStopsTheStartWithoutPrintingIt(CapturedOutput output) throws Exception {
        Path file = java.nio.file.Files.writeString(dataDir.resolve("alma-webhook-secret"), "from-the-file");
        assertThatThrownBy(() -> RunningService.start(
                        dataDir,
                        "--approval.alma.webhook.secret=" + AlmaWebhookTest.SECRET,
                        "--approval.alma.webhook.secret-file=" + file))
                .hasStackTraceContaining(
                        "approval.alma.webhook.secret and approval.alma.webhook.secret-file are both set; set one")
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain(AlmaWebhookTest.SECRET));
        assertThat(output.getAll()).doesNotContain(AlmaWebhookTest.SECRET);
    }

    @Test
    void aKeyFileThatCannotBeReadStopsTheStartNamingTheSetting() {
        Path missing = dataDir.resolve("no-such-key");
        assertThatThrownBy(() -> RunningService.start(
                        dataDir,
                        "--approval.alma.sandbox.base-url=https://api-eu.hosted.exlibrisgroup.com",
                        "--approval.alma.sandbox.api-key-file=" + missing))
                .hasStackTraceContaining("approval.alma.sandbox.api-key-file cannot be read: " + missing);
    }
}
