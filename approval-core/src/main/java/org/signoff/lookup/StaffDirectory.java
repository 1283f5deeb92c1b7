package org.signoff.lookup;

import java.util.Optional;

import org.signoff.staff.api.StaffId;

/** The staff directory as the command side sees it: units and roles, no personal data. */
public interface StaffDirectory {

    Optional<StaffMembership> find(StaffId staffId);

    /** How many people hold the role {@link org.signoff.staff.api.Role#ADMIN}. */
    long administrators();
}
