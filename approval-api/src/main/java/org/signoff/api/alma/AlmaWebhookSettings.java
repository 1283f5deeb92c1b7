package org.signoff.api.alma;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret of Alma's webhook integration profile, {@code approval.alma.webhook.secret} or {@code …secret-file}.
 * Neither set: the listener is not configured, and {@code /alma/webhook} answers 404.
 *
 * @param secret     the profile's secret, as typed into Alma (a secret)
 * @param secretFile or a file holding it, e.g. a mounted secret
 */
@ConfigurationProperties("approval.alma.webhook")
public record AlmaWebhookSettings(String secret, Path secretFile) {

    public AlmaWebhookSettings {
        if (secret != null && !secret.isBlank() && secretFile != null) {
            throw new IllegalArgumentException(
                    "approval.alma.webhook.secret and approval.alma.webhook.secret-file are both set; set one");
        }
    }

    /** Everything but the secret, which a printed setting must never show. */
    @Override
    public String toString() {
        return "AlmaWebhookSettings[secret=" + (secret == null ? "none" : "(secret)") + ", secretFile=" + secretFile
                + "]";
    }
}
