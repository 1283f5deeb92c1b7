package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An operator who configures H2 without immediate writes is warned that acknowledged commands could be lost. */
@ExtendWith(OutputCaptureExtension.class)
class DurabilityCheckTest {

    @TempDir
    Path dataDir;

    @Test
    void anH2UrlWithoutImmediateWritesIsReportedAtStartUp(CapturedOutput output) {
        try (RunningService ignored = RunningService.start(dataDir,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("lazy") + ";DB_CLOSE_ON_EXIT=FALSE")) {
            assertThat(output.getOut()).contains("NOT DURABLE");
        }
    }

    @Test
    void theDefaultConfigurationIsDurable(CapturedOutput output) {
        try (RunningService ignored = RunningService.start(dataDir)) {
            assertThat(output.getOut()).contains("Seed catalog").doesNotContain("NOT DURABLE");
        }
    }
}
