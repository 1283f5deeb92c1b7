package org.signoff.api.alma;

/** The two Alma environments a sign-off touches: the Sandbox where the test runs, production where the role goes. */
public enum AlmaEnvironment {
    SANDBOX,
    PRODUCTION;

    /** As in the settings and the problems: {@code sandbox}, {@code production}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
