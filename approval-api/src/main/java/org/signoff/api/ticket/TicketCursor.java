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

    static TicketCursor after(TicketSummaryView last) {
        return new TicketCursor(last.updatedAt(), last.ticketId());
    }

    String encoded() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((updatedAt + "|" + ticketId).getBytes(StandardCharsets.UTF_8));
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
