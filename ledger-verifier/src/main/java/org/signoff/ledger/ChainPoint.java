package org.signoff.ledger;

/**
 * A place in the chain and the hash there: where an export starts from, the head it was taken at, or a head an
 * auditor recorded elsewhere to check later exports against.
 */
public record ChainPoint(long position, String hash) {

    /** Before the first event. */
    public static final ChainPoint START = new ChainPoint(0, ChainHash.GENESIS);

    public ChainPoint {
        if (position < 0 || !ChainHash.wellFormed(hash)) {
            throw new IllegalArgumentException("A chain point is a position from 0 and 64 lower-case hex digits");
        }
    }

    /** Reads {@code 1234:9f86d0…} (position, a colon, the hash). */
    public static ChainPoint parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("Expected POSITION:HASH, e.g. 1234:9f86d081884c7d65…");
        }
        try {
            return new ChainPoint(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expected POSITION:HASH, e.g. 1234:9f86d081884c7d65…");
        }
    }

    /** {@link #parse}, under the name frameworks look for when they convert text. */
    public static ChainPoint valueOf(String text) {
        return parse(text);
    }

    @Override
    public String toString() {
        return position + ":" + hash;
    }
}
