package org.signoff.staff.api;

/**
 * A person's personal data was erased: who they were is gone, their pseudonym stays (it shows as
 * {@code erased-…} wherever they appear). It records who erased them, and when (the event's time); nothing of what
 * was erased.
 */
public record StaffMemberErased(String pseudonym, StaffId performedBy) {

    /** How the names of erased people begin; no one else's staff id does. */
    public static final String ERASED = "erased-";

    /** What a pseudonym ({@code ~} and hex digits) shows as once its person is erased: {@code erased-} and the digits. */
    public static StaffId erasedAs(String pseudonym) {
        return StaffId.of(ERASED + pseudonym.substring(1));
    }

    /** The name the erased person shows under from now on. */
    public StaffId erasedAs() {
        return erasedAs(pseudonym);
    }
}
