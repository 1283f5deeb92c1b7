package org.signoff.api.ticket;

import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/** What a step command answers: where the ticket stands now. */
record StepResult(TicketId ticketId, TicketStatus status, int step) {

    static StepResult of(TicketId ticketId, TicketStatus status) {
        return new StepResult(ticketId, status, status.step());
    }
}
