package org.signoff.ledger;

/**
 * An entry of the consortium's chain: the head an institution's chain had reached when a round of sealing moved it,
 * chained to the entry before as the events of a chain are ({@link ChainHash#link(String, HeadSeal)}). Whoever holds
 * the consortium's head can tell any institution's chain cut short or rewritten since.
 *
 * @param position the entry's place in the consortium's chain, from 1
 * @param institution the institution's code
 * @param head the institution's chain's position and hash then
 * @param hash the entry's own hash, lower-case hex SHA-256; {@code null} until linked
 */
public record HeadSeal(long position, String institution, ChainPoint head, String hash) {

    /** This institution's head sealed at {@code position} after an entry whose hash is {@code previous}. */
    public static HeadSeal sealedAt(long position, String previous, String institution, ChainPoint head) {
        HeadSeal placed = new HeadSeal(position, institution, head, null);
        return new HeadSeal(position, institution, head, ChainHash.link(previous, placed));
    }
}
