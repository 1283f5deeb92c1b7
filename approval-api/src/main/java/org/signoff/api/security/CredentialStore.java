package org.signoff.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.client.api.ClientId;
import org.signoff.common.Rejection;
import org.signoff.lookup.CredentialVault;
import org.signoff.storage.Columns;

/**
 * Table {@code api_client_secret}: the SHA-256 of each client's secret (and of the one before, through a rotation's
 * overlap). Secrets are 256 random bits, so a plain hash is enough; comparisons take constant time.
 */
@Component
public class CredentialStore implements CredentialVault {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    CredentialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 256 random bits, URL-safe: no dot, so a key {@code <client id>.<secret>} splits at its last one. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public void storeSecret(ClientId clientId, String secretHash) {
        try {
            jdbc.sql("INSERT INTO api_client_secret (client_id, secret_hash) VALUES (?, ?)")
                    .params(clientId.value(), secretHash)
                    .update();
        } catch (DuplicateKeyException exists) {
            // the client's secret is written before its event, so a second registration is told here
            throw Rejection.ALREADY_EXISTS.because("There is an API client '" + clientId + "' already");
        }
    }

    @Override
    public void rotateSecret(ClientId clientId, String secretHash, Instant previousValidUntil) {
        jdbc.sql("UPDATE api_client_secret SET previous_hash = secret_hash, previous_valid_until = ?, "
                        + "secret_hash = ? WHERE client_id = ?")
                .params(Columns.utc(previousValidUntil), secretHash, clientId.value())
                .update();
    }

    /** Whether the secret is the client's current one, or its previous one still within the overlap. */
    public boolean matches(ClientId clientId, String secret, Instant now) {
        byte[] presented = hash(secret).getBytes(StandardCharsets.US_ASCII);
        return jdbc.sql("SELECT secret_hash, previous_hash, previous_valid_until FROM api_client_secret "
                        + "WHERE client_id = ?")
                .param(clientId.value())
                .query((rs, n) -> {
                    boolean current = equal(presented, rs.getString(1));
                    Instant until = Columns.instant(rs, "previous_valid_until");
                    boolean previous = equal(presented, rs.getString(2)) && until != null && now.isBefore(until);
                    return current || previous;
                })
                .optional()
                .orElse(false);
    }

    private static boolean equal(byte[] presented, String stored) {
        return stored != null && MessageDigest.isEqual(presented, stored.getBytes(StandardCharsets.US_ASCII));
    }
}
