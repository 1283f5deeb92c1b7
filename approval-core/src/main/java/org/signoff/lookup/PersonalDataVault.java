package org.signoff.lookup;

import org.signoff.staff.api.StaffId;

/**
 * Where personal data is kept, outside the event store, so it can be erased without rewriting history. Writes join
 * the transaction of the command that makes them.
 */
public interface PersonalDataVault {

    void storeDisplayName(StaffId staffId, String displayName);
}
