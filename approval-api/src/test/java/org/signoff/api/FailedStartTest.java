package org.signoff.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;

import org.signoff.api.testkit.ServiceProcess;
import org.signoff.staff.api.EnrolFirstAdministrator;
import org.signoff.staff.api.StaffId;

/**
 * A service that cannot start says so and goes away: it exits non-zero, releasing the H2 file, instead of lingering
 * with Axon's worker threads alive and serving nothing.
 */
class FailedStartTest {

    @TempDir
    Path dataDir;

    @Test
    void aServiceThatFailsToStartAfterHandlingCommandsExitsNonZero() throws Exception {
        Process service = ServiceProcess.launch(
                dataDir, ServiceProcess.freePort(), "--spring.main.sources=" + FailingStartUp.class.getName());
        try {
            assertThat(service.waitFor(60, TimeUnit.SECONDS))
                    .as("the process ended")
                    .isTrue();
            assertThat(service.exitValue()).isNotZero();
            assertThat(Files.readString(dataDir.resolve("service.log"))).contains(FailingStartUp.WHY);
        } finally {
            service.destroyForcibly();
        }
    }

    /** A start-up step that fails once the engine has handled a command, as a broken seed or migration would. */
    static class FailingStartUp {

        static final String WHY = "start-up step failed on purpose";

        @Bean
        ApplicationRunner failAfterACommand(CommandGateway commands) {
            return args -> {
                try {
                    commands.sendAndWait(new EnrolFirstAdministrator(StaffId.of("someone"), "Someone", "LTS"));
                } catch (RuntimeException refused) {
                    // there is an administrator already: what matters is that a command went through the engine
                }
                throw new IllegalStateException(WHY);
            };
        }
    }
}
