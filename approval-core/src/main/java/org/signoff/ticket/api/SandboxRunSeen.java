package org.signoff.ticket.api;

import org.signoff.staff.api.StaffId;

/**
 * A run of the ticket's job by its requester ended in Alma's Sandbox while the ticket waited on its test (Alma's
 * JOB_END, confirmed by the Sandbox API): the requester is told, and reports it as the test, or another run.
 */
public record SandboxRunSeen(TicketId ticketId, SandboxRun run) implements TicketEvent {

    /** The engine's own doing: nobody performed it. */
    @Override
    public StaffId performedBy() {
        return null;
    }
}
