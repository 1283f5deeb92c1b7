package org.signoff.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.signoff.api.ApprovalApplication;

/** The service in a JVM of its own, started as an operator starts it: {@code java ... ApprovalApplication}. */
public final class ServiceProcess {

    private ServiceProcess() {}

    /** Starts the service over the store in {@code dataDir}, its output in {@code service.log} there. */
    public static Process launch(Path dataDir, int port, String... arguments) throws IOException {
        return launch(dataDir, dataDir.resolve("service.log"), port, arguments);
    }

    /** Starts the service over the store in {@code dataDir}, its output in {@code log}. */
    public static Process launch(Path dataDir, Path log, int port, String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ApprovalApplication.class.getName(),
                "--server.port=" + port,
                "--approval.data-dir=" + dataDir,
                "--approval.security.initial-admin-key=" + RunningService.ADMIN_SECRET));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    public static void awaitHealthy(Api api, Process service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service process is running").isTrue();
            try {
                if (api.get("/actuator/health").status() == 200
                        && api.get("/staff/admin").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not start");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
