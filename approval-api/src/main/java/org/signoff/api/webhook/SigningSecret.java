package org.signoff.api.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscription's signing secret as Standard Webhooks serializes it: {@code whsec_} and the base64 of the HMAC-SHA256
 * key, 24 to 64 bytes. One given before the service spoke the standard is {@code plain} text, and its key stays the
 * text's UTF-8 bytes, so its receivers keep their secret: its standard form is {@code whsec_} + base64 of those bytes.
 *
 * @param text  as given and stored; never logged, never answered
 * @param plain given before the standard
 */
record SigningSecret(String text, boolean plain) {

    static final String PREFIX = "whsec_";

    /** The standard's bounds for a symmetric key: 192 to 512 bits. */
    static final int MIN_KEY_BYTES = 24;

    static final int MAX_KEY_BYTES = 64;

    /**
     * The key of a standard secret, or empty if {@code text} is not one: no {@code whsec_}, not canonical padded
     * base64 (what every receiver's library decodes alike), or a key of fewer than 24 or more than 64 bytes.
     */
    static Optional<byte[]> standardKey(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String encoded = text.substring(PREFIX.length());
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        boolean canonical = Base64.getEncoder().encodeToString(key).equals(encoded);
        return canonical && key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES
                ? Optional.of(key)
                : Optional.empty();
    }

    byte[] key() {
        return plain
                ? text.getBytes(StandardCharsets.UTF_8)
                : standardKey(text)
                        .orElseThrow(() -> new IllegalStateException("A stored webhook secret is not of the standard"));
    }

    /** {@code v1,<base64 HMAC-SHA256(key, messageId + "." + timestamp + "." + payload)>}, as the standard signs. */
    String sign(String messageId, long timestamp, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] signature =
                    mac.doFinal((messageId + "." + timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }

    /** Never the secret itself: a record would print it wherever it is logged. */
    @Override
    public String toString() {
        return plain ? "SigningSecret[plain]" : "SigningSecret[whsec_…]";
    }
}
