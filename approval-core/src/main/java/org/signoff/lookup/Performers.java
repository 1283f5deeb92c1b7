package org.signoff.lookup;

import org.signoff.common.Rejection;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;

/** The policy every command follows first: the performer is a known person holding a role fit for the step. */
public final class Performers {

    private Performers() {}

    /**
     * The performer as the directory knows them; refused when the directory does not know them, or they left.
     */
    public static StaffMembership known(StaffDirectory directory, StaffId performer) {
        if (performer == null) {
            throw Rejection.UNKNOWN_PERFORMER.because("The command does not say who performs it");
        }
        StaffMembership membership = directory
                .find(performer)
                .orElseThrow(() ->
                        Rejection.UNKNOWN_PERFORMER.because("No staff member '" + performer + "' in the directory"));
        if (membership.left()) {
            throw Rejection.PERFORMER_LEFT.because("'" + performer + "' has left and can no longer act");
        }
        return membership;
    }

    /** The performer, who must hold at least one of the roles. */
    public static StaffMembership withAnyRole(StaffDirectory directory, StaffId performer, Role... roles) {
        StaffMembership membership = known(directory, performer);
        for (Role role : roles) {
            if (membership.has(role)) {
                return membership;
            }
        }
        throw Rejection.ROLE_REQUIRED.because(
                "'" + performer + "' needs one of the roles " + java.util.Arrays.toString(roles) + " for this step");
    }
}
