package org.signoff.api.alma;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's roles before and after roles were added or taken, in Alma or as a dry run.
 *
 * @param primaryId the user's primary id
 * @param before    the roles as read
 * @param after     the roles as Alma holds them after the write (as Alma answered it), or would after a dry run
 * @param written   whether the user was written back: not for a dry run, nor when nothing changed
 */
public record AlmaRoleChange(String primaryId, List<AlmaUser.Role> before, List<AlmaUser.Role> after, boolean written) {

    public AlmaRoleChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** The roles after that were not before, as they are (a role made active counts as added). */
    public List<AlmaUser.Role> added() {
        List<AlmaUser.Role> added = new ArrayList<>(after);
        added.removeAll(before);
        return added;
    }

    /** The roles before that are not after, as they were. */
    public List<AlmaUser.Role> removed() {
        List<AlmaUser.Role> removed = new ArrayList<>(before);
        removed.removeAll(after);
        return removed;
    }

    public boolean changed() {
        return !added().isEmpty() || !removed().isEmpty();
    }
}
