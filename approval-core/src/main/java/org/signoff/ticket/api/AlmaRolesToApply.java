package org.signoff.ticket.api;

import java.util.List;

import org.signoff.catalog.api.AlmaRole;
import org.signoff.catalog.api.JobId;
import org.signoff.staff.api.StaffId;

/**
 * What {@link CheckSandboxGrantInAlma} and {@link CheckProductionRoleUpdateInAlma} answer once the step may be taken: whose Alma user gets which roles of which job. An
 * answer, never stored.
 *
 * @param status where the ticket stands now, before the step
 */
public record AlmaRolesToApply(StaffId requester, JobId jobId, TicketStatus status, List<AlmaRole> roles) {

    public AlmaRolesToApply {
        roles = List.copyOf(roles);
    }
}
