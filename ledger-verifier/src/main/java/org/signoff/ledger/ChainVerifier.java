package org.signoff.ledger;

import java.util.Optional;

/**
 * Checks a run of ledger entries in the store's global order: each must be sealed, follow the one before it at the
 * next position, and carry the hash recomputed from its content and that of the one before. It stops at the first
 * broken link and says why. Given a head recorded earlier, it also finds a chain that was cut short or rewritten.
 */
public final class ChainVerifier {

    private final ChainPoint recorded;
    private final String institution;
    private final String defaultInstitution;
    private long position;
    private String hash;
    private long globalIndex = Long.MIN_VALUE;
    private long checked;
    private Break broken;
    private boolean recordedSeen;

    /**
     * @param after where the run starts: {@link ChainPoint#START}, or the entry before the first one given
     * @param recorded a head recorded earlier, or {@code null}
     */
    public ChainVerifier(ChainPoint after, ChainPoint recorded) {
        this(after, recorded, null, null);
    }

    /**
     * A run of one institution's chain: an entry of another institution is a break. One whose metadata names none was
     * written before institutions and is the store's default institution's, which only the service knows.
     *
     * @param institution the chain's institution, or {@code null} for an export from before chains per institution
     * @param defaultInstitution the store's default institution, or {@code null} where it is not known (offline)
     */
    public ChainVerifier(ChainPoint after, ChainPoint recorded, String institution, String defaultInstitution) {
        this.institution = institution;
        this.defaultInstitution = defaultInstitution;
        this.position = after.position();
        this.hash = after.hash();
        this.recorded = recorded;
        this.recordedSeen = recorded == null || recorded.equals(after);
        if (recorded != null && recorded.position() == after.position() && !recorded.equals(after)) {
            this.broken = new Break(
                    after.position(), null, null, "the run starts after a hash that is not the head recorded earlier");
        }
    }

    /** Checks the next entry; {@code false} once the chain is broken (later entries are not looked at). */
    public boolean accept(LedgerEntry entry) {
        if (broken != null) {
            return false;
        }
        Optional<String> fault = fault(entry);
        if (fault.isPresent()) {
            broken = new Break(entry.position(), entry.globalIndex(), entry.eventIdentifier(), fault.get());
            return false;
        }
        position = entry.position();
        hash = entry.hash();
        globalIndex = entry.globalIndex();
        checked++;
        if (recorded != null && recorded.position() == position) {
            recordedSeen = true;
            if (!recorded.hash().equals(hash)) {
                broken = new Break(
                        position,
                        entry.globalIndex(),
                        entry.eventIdentifier(),
                        "the chain is intact up to here but its hash at position " + position
                                + " is not the head recorded earlier (" + recorded.hash()
                                + "): the chain was rewritten from this point or before");
                return false;
            }
        }
        return true;
    }

    private Optional<String> fault(LedgerEntry entry) {
        if (!entry.sealed()) {
            return Optional.of("the event at global index " + entry.globalIndex()
                    + " has no seal, yet lies among sealed events: it was added to the store after they were sealed");
        }
        String named = entry.institution() == null ? defaultInstitution : entry.institution();
        if (institution != null && named != null && !named.equals(institution)) {
            return Optional.of("it is an event of institution " + named + ", sealed in the chain of " + institution
                    + ": a seal was moved between chains");
        }
        if (entry.position() > position + 1) {
            return Optional.of(
                    entry.position() == position + 2
                            ? "position " + (position + 1) + " is missing: its event (or its seal) was deleted"
                            : "positions " + (position + 1) + " to " + (entry.position() - 1)
                                    + " are missing: their events (or seals) were deleted");
        }
        if (entry.position() <= position) {
            return Optional.of("position " + entry.position() + " comes after position " + position
                    + ": events were reordered or a seal was copied");
        }
        if (entry.globalIndex() <= globalIndex) {
            return Optional.of("global index " + entry.globalIndex() + " comes after global index " + globalIndex
                    + ": events were reordered");
        }
        String expected = ChainHash.link(hash, entry);
        if (!expected.equals(entry.hash())) {
            return Optional.of("its content does not match its seal (sealed " + entry.hash() + ", recomputed "
                    + expected + "): the event, its metadata or its seal was changed after sealing");
        }
        return Optional.empty();
    }

    /**
     * What was found once every entry is given.
     *
     * @param head the head the run was claimed to end at (an export's header), or {@code null} when unknown
     */
    public Verification result(ChainPoint head) {
        if (broken == null && head != null && head.position() != position) {
            broken = new Break(
                    null,
                    null,
                    null,
                    position < head.position()
                            ? "the run ends at position " + position + " but was taken at head " + head.position()
                                    + ": entries were removed from its end"
                            : "the run goes on past the head it was taken at (" + head.position() + ")");
        }
        if (broken == null && head != null && !head.hash().equals(hash)) {
            broken = new Break(
                    position, null, null, "the last hash is not the head's: the head or the last seal was changed");
        }
        if (broken == null
                && recorded != null
                && !recordedSeen
                && recorded.position() > position
                && (head == null || head.position() < recorded.position())) {
            broken = new Break(
                    null,
                    null,
                    null,
                    "the chain ends at position " + position + ", before the head recorded earlier at position "
                            + recorded.position() + ": the newest events were cut off");
        }
        return new Verification(broken == null, checked, new ChainPoint(position, hash), broken, recordedSeen);
    }

    /**
     * Where the chain broke. Position, global index and event are those of the entry where it was found, when there
     * is one.
     */
    public record Break(Long position, Long globalIndex, String eventIdentifier, String reason) {}

    /**
     * The outcome: intact or not, how many entries were checked, the last good point, the first break, and whether a
     * head recorded earlier was found in the run (one outside a partial export's range cannot be checked by it).
     */
    public record Verification(
            boolean intact, long checked, ChainPoint last, Break firstBreak, boolean recordedHeadChecked) {}
}
