package org.signoff.api.alma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The connections to the environments that are configured, built at start-up; an environment without a
 * {@code base-url} has none, and its steps are taken by hand. A key file that cannot be read stops the start.
 */
@Component
public class AlmaConnections {

    private final Map<AlmaEnvironment, AlmaConnection> connections = new EnumMap<>(AlmaEnvironment.class);

    public AlmaConnections(AlmaSettings settings) {
        for (AlmaEnvironment environment : AlmaEnvironment.values()) {
            AlmaSettings.Environment configured = settings.of(environment);
            if (configured.configured()) {
                connections.put(environment, new AlmaConnection(environment, configured, key(environment, configured)));
            }
        }
    }

    /** The environment's connection, or empty when it is not configured. */
    public Optional<AlmaConnection> of(AlmaEnvironment environment) {
        return Optional.ofNullable(connections.get(environment));
    }

    private static String key(AlmaEnvironment environment, AlmaSettings.Environment settings) {
        if (settings.apiKeyFile() == null) {
            return settings.apiKey().strip();
        }
        String setting = "approval.alma." + environment.label() + ".api-key-file";
        try {
            String key = Files.readString(settings.apiKeyFile()).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException(setting + " names an empty file: " + settings.apiKeyFile());
            }
            return key;
        } catch (IOException unreadable) {
            // the file's name, not its content, is safe to say
            throw new UncheckedIOException(setting + " cannot be read: " + settings.apiKeyFile(), unreadable);
        }
    }
}
