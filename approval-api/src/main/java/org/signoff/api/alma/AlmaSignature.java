package org.signoff.api.alma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Alma signs a webhook post: {@code X-Exl-Signature} is the base64 of HMAC-SHA256 over the body's bytes, keyed
 * with the integration profile's secret, one institution's. Read once at start-up; a secret file that cannot be read
 * stops the start.
 */
class AlmaSignature {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param setting the secret file's setting, named when it cannot be read */
    AlmaSignature(AlmaWebhookSettings settings, String setting) {
        String secret = secret(settings, setting);
        this.key = secret == null ? null : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** Whether a secret is configured: without one no post can be trusted, so none is taken. */
    boolean configured() {
        return key != null;
    }

    /** Whether the two are keyed with one secret. */
    boolean sameSecret(AlmaSignature other) {
        return key != null && other.key != null && MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded());
    }

    /** Whether {@code signature} is the body's, compared in constant time so a guess learns nothing from the clock. */
    boolean signs(byte[] body, String signature) {
        if (key == null || signature == null) {
            return false;
        }
        byte[] expected = Base64.getEncoder().encode(of(body));
        return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] of(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    private static String secret(AlmaWebhookSettings settings, String setting) {
        if (settings.secretFile() == null) {
            return settings.secret() == null || settings.secret().isBlank()
                    ? null
                    : settings.secret().strip();
        }
        try {
            String secret = Files.readString(settings.secretFile()).strip();
            if (secret.isEmpty()) {
                throw new IllegalArgumentException(setting + " names an empty file: " + settings.secretFile());
            }
            return secret;
        } catch (IOException unreadable) {
            // the file's name, not its content, is safe to say
            throw new UncheckedIOException(setting + " cannot be read: " + settings.secretFile(), unreadable);
        }
    }
}
