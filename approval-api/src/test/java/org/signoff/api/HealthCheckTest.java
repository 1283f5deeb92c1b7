package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.RunningService;
import org.signoff.api.testkit.ServiceProcess;

/**
 * The image's health check ({@code docker/health-check.sh}, bash and no JVM) asking the service beside it: healthy
 * while the service is ready, unhealthy when nothing answers or the answer is not 200.
 */
class HealthCheckTest {

    private static final Path SCRIPT = Path.of("..", "docker", "health-check.sh");

    @Test
    void saysHealthyWhileTheServiceIsReadyAndUnhealthyWhenNothingAnswers() throws Exception {
        int port = RunningService.shared().port();
        assertThat(check(port)).isZero();
        assertThat(check(ServiceProcess.freePort())).as("nothing listening").isEqualTo(1);
        assertThat(check(port, "/actuator/no-such-endpoint"))
                .as("an answer other than 200")
                .isEqualTo(1);
    }

    private static int check(int port, String... path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), String.valueOf(port));
        builder.command().addAll(List.of(path));
        Process process = builder.redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
