package org.signoff.api.staff;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import org.signoff.api.command.Commands;
import org.signoff.common.CommandRejected;
import org.signoff.common.Rejection;
import org.signoff.lookup.TicketSlots;
import org.signoff.staff.api.RecordDeparture;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.EndForDeparture;
import org.signoff.ticket.api.TicketId;

/**
 * A person leaves, in one administrator's step: the departure is recorded (they act no more), then each of their
 * tickets still holding a place (open, or a sign-off in force) ends with an event of its own. Sent again, it ends
 * whatever a first attempt cut short left; once nothing is left, a repeat is refused as {@code STAFF_MEMBER_LEFT}.
 */
@Component
class Departures {

    private final Commands commands;
    private final TicketSlots slots;

    Departures(Commands commands, TicketSlots slots) {
        this.commands = commands;
        this.slots = slots;
    }

    /** @return the tickets it ended */
    List<TicketId> depart(StaffId staffId, String reason, StaffId performer) {
        try {
            commands.sendUnremembered(
                    Rejection.UNKNOWN_STAFF, "staff member", staffId, new RecordDeparture(staffId, reason, performer));
        } catch (CommandRejected alreadyLeft) {
            if (alreadyLeft.rejection() != Rejection.STAFF_MEMBER_LEFT
                    || slots.heldBy(staffId).isEmpty()) {
                throw alreadyLeft;
            }
        }
        List<TicketId> ended = new ArrayList<>();
        for (TicketId ticket : slots.heldBy(staffId)) {
            if (commands.sendUnrememberedUnless(
                    Rejection.STEP_OUT_OF_ORDER, // it ended meanwhile
                    Rejection.UNKNOWN_TICKET,
                    "ticket",
                    ticket,
                    new EndForDeparture(ticket, reason, performer))) {
                ended.add(ticket);
            }
        }
        return ended;
    }
}
