package org.signoff.lookup;

import java.util.Optional;

import org.signoff.staff.api.StaffId;

/** The staff directory as the command side sees it: units and roles, no personal data. */
public interface StaffDirectory {

    Optional<StaffMembership> find(StaffId staffId);

    /**
     * How many people of the directory {@code colleague} is in (each institution has its own) hold the role
     * {@link org.signoff.staff.api.Role#ADMIN} and have not left.
     */
    long administratorsAlongside(StaffId colleague);
}
