package org.signoff.lookup;

import java.time.Instant;

import org.signoff.client.api.ClientId;

/**
 * Where the hashes of clients' secrets are kept, outside the event store: an event is forever and readable by every
 * auditor, a secret's hash is neither. Writes join the transaction of the command that makes them.
 */
public interface CredentialVault {

    void storeSecret(ClientId clientId, String secretHash);

    /** The new secret replaces the current one, which stays valid until {@code previousValidUntil}. */
    void rotateSecret(ClientId clientId, String secretHash, Instant previousValidUntil);
}
