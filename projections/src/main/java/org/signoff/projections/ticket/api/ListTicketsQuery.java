package org.signoff.projections.ticket.api;

import org.signoff.ticket.api.TicketStatus;

/**
 * Tickets, oldest change first: all of them, those at {@code status}, or the open ones waiting on {@code step}
 * (1 to 6; step 6 covers both the role request and the role update). Null means no filter.
 */
public record ListTicketsQuery(TicketStatus status, Integer step, String supportTicketRef) {

    public ListTicketsQuery(TicketStatus status, Integer step) {
        this(status, step, null);
    }

    public static ListTicketsQuery all() {
        return new ListTicketsQuery(null, null, null);
    }
}
