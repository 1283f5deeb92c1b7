package org.signoff.api.catalog;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import org.signoff.api.command.Commands;
import org.signoff.catalog.api.ChangeJob;
import org.signoff.catalog.api.JobId;
import org.signoff.common.Rejection;
import org.signoff.lookup.TicketSlots;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.RequireReattestation;
import org.signoff.ticket.api.TicketId;

/**
 * A job changes, in one step of its systems librarian: the change is recorded, then every ticket of the job holding
 * a place is asked whether its sign-off rests on a reading whose version is no longer current (each ticket decides;
 * one that does not, or is still in progress, takes no step). The change is answered only once every ticket was
 * asked: a client that got no answer sends it again, and the tickets already asked take no second step.
 */
@Component
class Reattestations {

    private final Commands commands;
    private final TicketSlots slots;

    Reattestations(Commands commands, TicketSlots slots) {
        this.commands = commands;
        this.slots = slots;
    }

    /** @return the tickets asked to confirm a new version */
    List<TicketId> change(ChangeJob change) {
        commands.sendTo(Rejection.UNKNOWN_JOB, "job", change.jobId(), change);
        return requireOf(change.jobId(), change.performedBy());
    }

    private List<TicketId> requireOf(JobId jobId, StaffId performer) {
        List<TicketId> asked = new ArrayList<>();
        for (TicketId ticket : slots.heldFor(jobId)) {
            commands.sendUnrememberedUnless(
                    Rejection.STEP_OUT_OF_ORDER, // it ended meanwhile
                    Rejection.UNKNOWN_TICKET,
                    "ticket",
                    ticket,
                    new RequireReattestation(ticket, performer));
            asked.add(ticket);
        }
        return asked;
    }
}
