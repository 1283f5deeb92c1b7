package org.signoff.api.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.signoff.projections.ticket.api.TicketSummaryView;

/**
 * Where a page of tickets ended: the last ticket's change time and id, opaque to clients ({@code after=} of the
 * {@code Link: rel="next"}). A cursor this service did not give is a 400.
 */
public record TicketCursor(Instant updatedAt, String ticketId) {

    /** The sort key of a ticket in a page: its change time, then its id ({@link org.signoff.api.input.Pages}). */
    static String keyOf(TicketSummaryView ticket) {
        return ticket.updatedAt() + "|" + ticket.ticketId();
    }

    /** Read by Spring from {@code after=}. */
    public static TicketCursor valueOf(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length != 2 || parts[1].isEmpty()) {
                throw new IllegalArgumentException("Not a cursor of this list");
            }
            return new TicketCursor(Instant.parse(parts[0]), parts[1]);
        } catch (DateTimeParseException | IllegalArgumentException notOurs) {
            throw new IllegalArgumentException("Not a cursor of this list: follow the Link header's next", notOurs);
        }
    }
}
