package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The image's health check ({@code docker/Dockerfile}) is a JVM of its own asking the service beside it: it says
 * healthy while the service answers UP, and unhealthy when nothing answers.
 */
class HealthCheckTest {

    @Test
    void saysHealthyWhileTheServiceIsUpAndUnhealthyWhenNothingAnswers() throws Exception {
        int port = RunningService.shared().port();
        assertThat(check("http://localhost:" + port + "/actuator/health")).isZero();
        assertThat(check("http://localhost:" + ServiceProcess.freePort() + "/actuator/health"))
                .isEqualTo(1);
        assertThat(check("http://localhost:" + port + "/actuator/no-such-endpoint"))
                .as("an answer other than UP")
                .isEqualTo(1);
    }

    private static int check(String url) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HealthCheck.class.getName(),
                        url)
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
