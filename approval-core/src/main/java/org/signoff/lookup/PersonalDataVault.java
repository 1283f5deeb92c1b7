package org.signoff.lookup;

import org.signoff.staff.api.StaffId;

/**
 * Where personal data is kept, outside the event store, so it can be erased without rewriting history. Writes join
 * the transaction of the command that makes them.
 */
public interface PersonalDataVault {

    void storeDisplayName(StaffId staffId, String displayName);

    /** The people known by this display name (letter case aside): how a list of names finds whom it means. */
    java.util.List<StaffId> named(String displayName);

    /** Sets the login the person uses in Alma, or clears it ({@code null}). */
    void storeAlmaPrimaryId(StaffId staffId, String almaPrimaryId);

    /** The login the person uses in Alma, if known. */
    java.util.Optional<String> almaPrimaryIdOf(StaffId staffId);

    /**
     * Who of one institution holds this Alma primary id (letter case aside, as Alma matches it), if anyone: among the
     * people whose keys begin with {@code keysPrefix} ({@link org.signoff.common.InstitutionScope#prefixOf}), since
     * each institution has an Alma of its own.
     */
    java.util.Optional<StaffId> holderOfAlmaPrimaryId(String almaPrimaryId, String keysPrefix);

    /**
     * The person's pseudonym, made when first asked for: what the event store holds wherever it refers to them
     * (the staff id is personal data: a login chosen from their name).
     */
    String pseudonymOf(StaffId staffId);

    /**
     * Forgets who the person was: their display name and Alma primary id go, and their pseudonym no longer leads
     * back to their staff id. Cannot be undone.
     */
    void erase(StaffId staffId);
}
