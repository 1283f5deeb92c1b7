package org.signoff.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The link between an event and the one before it:
 *
 * <pre>
 * hash(n) = SHA-256( bytes of hash(n-1)  ||  field(position) || field(globalIndex) || field(eventIdentifier)
 *                    || field(aggregateType) || field(aggregateIdentifier) || field(sequenceNumber) || field(timestamp)
 *                    || field(payloadType) || field(payloadRevision) || field(payload) || field(metaData) )
 * field(v) = 4-byte big-endian length of v's UTF-8 bytes, then those bytes; a missing value is the length -1 alone
 * </pre>
 *
 * The consortium's chain links the heads of the institutions' chains ({@link HeadSeal}) the same way:
 *
 * <pre>
 * hash(n) = SHA-256( bytes of hash(n-1) || field(position) || field(institution) || field(head's position)
 *                    || field(head's hash) )
 * </pre>
 *
 * Numbers are written in decimal, text as stored; the first event's previous hash is 32 zero bytes. Lengths make the
 * serialisation unambiguous: no two different events give the same bytes. The payload and metadata are hashed as
 * stored (the service reads them as UTF-8 JSON), so an event read back through an upcaster still verifies.
 */
public final class ChainHash {

    /** The hash before the first event: 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {}

    /** The hash of {@code entry} placed after an entry whose hash is {@code previous}. */
    public static String link(String previous, LedgerEntry entry) {
        if (entry.position() == null) {
            throw new IllegalArgumentException("An entry needs its position to be linked");
        }
        MessageDigest sha = sha256();
        sha.update(HEX.parseHex(previous));
        field(sha, Long.toString(entry.position()));
        field(sha, Long.toString(entry.globalIndex()));
        field(sha, entry.eventIdentifier());
        field(sha, entry.aggregateType());
        field(sha, entry.aggregateIdentifier());
        field(sha, Long.toString(entry.sequenceNumber()));
        field(sha, entry.timestamp());
        field(sha, entry.payloadType());
        field(sha, entry.payloadRevision());
        field(sha, entry.payload());
        field(sha, entry.metaData());
        return HEX.formatHex(sha.digest());
    }

    /** The hash of the consortium's entry {@code seal} placed after an entry whose hash is {@code previous}. */
    public static String link(String previous, HeadSeal seal) {
        MessageDigest sha = sha256();
        sha.update(HEX.parseHex(previous));
        field(sha, Long.toString(seal.position()));
        field(sha, seal.institution());
        field(sha, Long.toString(seal.head().position()));
        field(sha, seal.head().hash());
        return HEX.formatHex(sha.digest());
    }

    /** Whether {@code hash} is written as this ledger writes hashes: 64 lower-case hex digits. */
    public static boolean wellFormed(String hash) {
        return hash != null
                && hash.length() == 64
                && hash.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static void field(MessageDigest sha, String value) {
        field(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest sha, byte[] value) {
        sha.update(
                ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
