package org.signoff.api.alma;

import java.util.List;

import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/**
 * What a step taken through Alma answers: where the ticket stands (as before, for a dry run) and the requester's
 * roles in that environment before and after. Never their Alma primary id.
 *
 * @param recorded whether the step was recorded and Alma written: false for a dry run
 * @param added    the roles the step adds (a dry run) or added (recorded in the step's event)
 */
record AlmaRoleStepResult(
        TicketId ticketId,
        TicketStatus status,
        int step,
        boolean dryRun,
        boolean recorded,
        String environment,
        List<AlmaUser.Role> before,
        List<AlmaUser.Role> after,
        List<AlmaUser.Role> added) {

    static AlmaRoleStepResult of(
            TicketId ticketId,
            TicketStatus status,
            boolean dryRun,
            AlmaEnvironment environment,
            AlmaRoleChange change) {
        return new AlmaRoleStepResult(
                ticketId,
                status,
                status.step(),
                dryRun,
                !dryRun,
                environment.label(),
                change.before(),
                change.after(),
                change.added());
    }
}
