package org.signoff.api.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.client.api.ClientId;
import org.signoff.client.api.RegisterApiClient;
import org.signoff.common.CommandRejected;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.StaffId;

/**
 * The first way in. While no API client exists, the first administrator gets a key of their own, with every
 * operation: its secret is {@code approval.security.initial-admin-key} if set, or else a random one written to the
 * file {@code initial-admin-key} in the data directory (readable by its owner only). The secret is never logged.
 */
@Component
@Order(20)
class InitialAdminKey implements ApplicationRunner {

    static final ClientId CLIENT = ClientId.of("initial-admin");

    private static final Logger log = LoggerFactory.getLogger(InitialAdminKey.class);

    private final CommandGateway commands;
    private final ApiClientLookup clients;
    private final StaffDirectory directory;
    private final ApprovalProperties properties;
    private final Path dataDir;

    InitialAdminKey(
            CommandGateway commands,
            ApiClientLookup clients,
            StaffDirectory directory,
            ApprovalProperties properties,
            @Value("${approval.data-dir}") Path dataDir) {
        this.commands = commands;
        this.clients = clients;
        this.directory = directory;
        this.properties = properties;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        StaffId admin = StaffId.of(properties.seed().adminId());
        if (!clients.none() || directory.find(admin).isEmpty()) {
            return;
        }
        String configured = properties.security().initialAdminKey();
        String secret = configured != null ? configured : CredentialStore.newSecret();
        try {
            commands.sendAndWait(RegisterApiClient.firstAdministratorsKey(CLIENT, admin, CredentialStore.hash(secret)));
        } catch (AggregateStreamCreationException | CommandRejected anotherNodeWasFaster) {
            // nodes started together: one of them made the key (with the configured secret, or in its data dir)
            if (clients.none()) {
                throw anotherNodeWasFaster;
            }
            log.info("The first administrator's API key was made by another node");
            return;
        }
        if (configured == null) {
            Path file = dataDir.resolve("initial-admin-key");
            Files.createDirectories(dataDir);
            Files.writeString(file, CLIENT + "." + secret + "\n");
            restrict(file);
            log.info(
                    "The first administrator's API key is in {}: keep it, then delete the file", file.toAbsolutePath());
        } else {
            log.info("The first administrator's API key uses approval.security.initial-admin-key");
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply
        }
    }
}
