package org.signoff.api.alma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.MemberSettings;
import org.signoff.api.institution.Institutions;
import org.signoff.common.InstitutionCode;
import org.signoff.common.InstitutionScope;

/**
 * Each institution's Alma (each has its own institution zone): the connections to the environments that are
 * configured, how production's roles are taken back, and the webhook profile's secret. The default institution's
 * are {@code approval.alma.*}, a member's {@code approval.members[n].alma.*}, the same settings. Built at start-up;
 * an environment without a {@code base-url} has no connection, and its steps are taken by hand. A key or secret file
 * that cannot be read stops the start, and so do two institutions with one webhook secret (a post would not say
 * whose it is).
 */
@Component
public class AlmaConnections {

    /** One institution's Alma. */
    private record OfInstitution(
            Map<AlmaEnvironment, AlmaConnection> connections,
            AlmaTakeBackSettings.Mode takeBack,
            AlmaSignature webhook) {}

    private final Institutions registry;
    private final Map<InstitutionCode, OfInstitution> institutions = new LinkedHashMap<>();

    AlmaConnections(
            AlmaSettings settings,
            AlmaWebhookSettings webhook,
            AlmaTakeBackSettings takeBack,
            ApprovalProperties properties,
            Environment environment,
            Institutions registry) {
        this.registry = registry;
        institutions.put(registry.defaultScope().code(), ofInstitution("approval.alma", settings, webhook, takeBack));
        Map<InstitutionCode, AlmaWebhookSettings> hooks =
                MemberSettings.of(environment, properties, "alma.webhook", AlmaWebhookSettings.class);
        Map<InstitutionCode, AlmaTakeBackSettings> takeBacks =
                MemberSettings.of(environment, properties, "alma.production", AlmaTakeBackSettings.class);
        MemberSettings.of(environment, properties, "alma", AlmaSettings.class)
                .forEach((code, alma) -> institutions.put(
                        code,
                        ofInstitution(
                                "approval.members[" + indexOf(properties, code) + "].alma",
                                alma,
                                hooks.get(code),
                                takeBacks.get(code))));
        List<Map.Entry<InstitutionCode, OfInstitution>> listening = institutions.entrySet().stream()
                .filter(institution -> institution.getValue().webhook().configured())
                .toList();
        for (int i = 0; i < listening.size(); i++) {
            for (int j = i + 1; j < listening.size(); j++) {
                if (listening
                        .get(i)
                        .getValue()
                        .webhook()
                        .sameSecret(listening.get(j).getValue().webhook())) {
                    throw new IllegalArgumentException("The Alma webhook secrets of "
                            + listening.get(i).getKey()
                            + " and " + listening.get(j).getKey() + " are the same: a post would not say whose it"
                            + " is; give each institution's integration profile its own secret");
                }
            }
        }
    }

    /** The institution's connection to the environment, or empty when it is not configured. */
    public Optional<AlmaConnection> of(InstitutionCode institution, AlmaEnvironment environment) {
        return Optional.ofNullable(institutions.get(institution))
                .map(alma -> alma.connections().get(environment));
    }

    /** The connection of the institution whose key this is (a ticket's, a person's). */
    public Optional<AlmaConnection> ofKey(String key, AlmaEnvironment environment) {
        return of(institutionOf(key), environment);
    }

    /** Whether the institution has the engine take back production's roles as each sign-off ends. */
    boolean takesBackAutomatically(InstitutionCode institution) {
        OfInstitution alma = institutions.get(institution);
        return alma != null && alma.takeBack() == AlmaTakeBackSettings.Mode.AUTOMATIC;
    }

    /** Whether any institution's webhook profile is configured: without one, no post can be trusted. */
    boolean listens() {
        return institutions.values().stream().anyMatch(alma -> alma.webhook().configured());
    }

    /** The institution whose webhook secret signs the body, if one does (compared in constant time). */
    Optional<InstitutionScope> signer(byte[] body, String signature) {
        return institutions.entrySet().stream()
                .filter(institution -> institution.getValue().webhook().signs(body, signature))
                .map(institution -> registry.scopeOf(institution.getKey()))
                .findFirst();
    }

    /** Where the member's settings are, as an operator finds them: {@code approval.members[n]}. */
    private static int indexOf(ApprovalProperties properties, InstitutionCode code) {
        return properties.members().stream()
                .map(ApprovalProperties.Member::institution)
                .toList()
                .indexOf(code);
    }

    InstitutionCode institutionOf(String key) {
        return registry.ofKey(key).code();
    }

    private static OfInstitution ofInstitution(
            String prefix, AlmaSettings settings, AlmaWebhookSettings webhook, AlmaTakeBackSettings takeBack) {
        Map<AlmaEnvironment, AlmaConnection> connections = new EnumMap<>(AlmaEnvironment.class);
        for (AlmaEnvironment environment : AlmaEnvironment.values()) {
            AlmaSettings.Environment configured = settings.of(environment);
            if (configured.configured()) {
                String setting = prefix + "." + environment.label() + ".api-key-file";
                connections.put(environment, new AlmaConnection(environment, configured, key(setting, configured)));
            }
        }
        return new OfInstitution(
                connections, takeBack.takeBack(), new AlmaSignature(webhook, prefix + ".webhook.secret-file"));
    }

    private static String key(String setting, AlmaSettings.Environment settings) {
        if (settings.apiKeyFile() == null) {
            return settings.apiKey().strip();
        }
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
