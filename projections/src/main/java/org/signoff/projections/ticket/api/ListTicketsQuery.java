package org.signoff.projections.ticket.api;

import java.time.Instant;

import org.signoff.common.InstitutionScope;
import org.signoff.ticket.api.TicketStatus;

/**
 * Tickets, oldest change first: all of them, those at {@code status}, or the open ones waiting on {@code step}
 * (1 to 6; step 6 covers both the role request and the role update), or those of a support ticket. Null means no
 * filter. A page holds at most {@code limit} tickets, those after ({@code afterUpdatedAt}, {@code afterTicketId}), the
 * last of the page before: a ticket opened while paging comes on a later page, never twice.
 */
public record ListTicketsQuery(
        InstitutionScope within,
        TicketStatus status,
        Integer step,
        String supportTicketRef,
        Instant afterUpdatedAt,
        String afterTicketId,
        int limit) {

    /** The most a page may hold. */
    public static final int MAX_LIMIT = 1000;

    public ListTicketsQuery(InstitutionScope within, TicketStatus status, Integer step) {
        this(within, status, step, null, null, null, MAX_LIMIT);
    }

    public ListTicketsQuery(InstitutionScope within, TicketStatus status, Integer step, String supportTicketRef) {
        this(within, status, step, supportTicketRef, null, null, MAX_LIMIT);
    }

    public static ListTicketsQuery all(InstitutionScope within) {
        return new ListTicketsQuery(within, null, null, null);
    }
}
