package org.signoff.ticket.api;

/**
 * Whether a step's facts were read from Alma, given with the command that reports them: the run Alma's Sandbox
 * answered for the test, with who Alma says submitted it (checked against the requester, never recorded), or why
 * they were typed by hand (Alma not configured for the job, or not answering).
 */
public record AlmaCheck(SandboxRun run, String submittedBy, String notVerifiedBecause) {

    public static AlmaCheck verified(SandboxRun run, String submittedBy) {
        return new AlmaCheck(run, submittedBy, null);
    }

    public static AlmaCheck notVerified(String because) {
        return new AlmaCheck(null, null, because);
    }

    public boolean isVerified() {
        return run != null;
    }
}
