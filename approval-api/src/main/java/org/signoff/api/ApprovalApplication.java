package org.signoff.api;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

import org.signoff.api.ledger.LedgerExportCommand;
import org.signoff.api.masterlistimport.MasterListImportCommand;

/**
 * The sign-off engine as a service: HTTP commands and reads on an event store in the embedded H2 or PostgreSQL. It
 * has no user store of Spring Boot's making: callers come in with API keys or bearer tokens ({@code security/}), and
 * Boot's default user would print a generated password to the log.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class ApprovalApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(LedgerExportCommand.NAME)) {
            System.exit(LedgerExportCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals(MasterListImportCommand.NAME)) {
            System.exit(
                    MasterListImportCommand.run(ApprovalApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        try {
            SpringApplication.run(ApprovalApplication.class, args);
        } catch (RuntimeException failedStart) {
            // Spring has logged why. Axon's shared worker threads are not daemons and would keep the JVM alive,
            // holding the H2 file lock and serving nothing: a failed start ends the process.
            System.exit(1);
        }
    }
}
