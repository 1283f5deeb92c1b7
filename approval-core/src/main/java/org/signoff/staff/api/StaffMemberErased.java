package org.signoff.staff.api;

import org.signoff.common.InstitutionScope;

/**
 * A person's personal data was erased: who they were is gone, their pseudonym stays (it shows as
 * {@code erased-…} wherever they appear). It records who erased them, and when (the event's time); nothing of what
 * was erased.
 */
public record StaffMemberErased(String pseudonym, StaffId performedBy) {

    /** How the names of erased people begin; no one else's staff id does. */
    public static final String ERASED = "erased-";

    /**
     * What a pseudonym ({@code ~} and hex digits, after its institution's prefix for a member's person) shows as once
     * its person is erased: {@code erased-} and the digits, in the same institution (a member's erased person is
     * still the member's, never the default institution's).
     */
    public static StaffId erasedAs(String pseudonym) {
        String institution = InstitutionScope.prefixOf(pseudonym);
        return StaffId.of(institution + ERASED + pseudonym.substring(institution.length() + 1));
    }

    /** Whether a staff id is the name of an erased person, in whichever institution. */
    public static boolean isErased(StaffId staffId) {
        String institution = InstitutionScope.prefixOf(staffId.value());
        return staffId.value().startsWith(ERASED, institution.length());
    }

    /** The name the erased person shows under from now on. */
    public StaffId erasedAs() {
        return erasedAs(pseudonym);
    }
}
