package org.signoff.api.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.signoff.projections.ticket.api.AuditEntryView;

/**
 * Where a page of a person's or a job's history ended: the last entry's time, ticket and place in that ticket's
 * history, opaque to clients ({@code after=} of the {@code Link: rel="next"}). A cursor this service did not give is
 * a 400.
 */
public record AuditTrailCursor(Instant occurredAt, long sequence, String ticketId) {

    /**
     * The sort key of an entry in a page ({@link org.signoff.api.input.Pages}): a class attended, which has no ticket,
     * sorts by whose record it is in the ticket's place.
     */
    static String keyOf(AuditEntryView entry) {
        return entry.step().at() + "|" + entry.step().sequence() + "|"
                + (entry.ticketId() == null ? entry.requester() : entry.ticketId());
    }

    /** Read by Spring from {@code after=}. */
    public static AuditTrailCursor valueOf(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw new IllegalArgumentException("Not a cursor of this list");
            }
            return new AuditTrailCursor(Instant.parse(parts[0]), Long.parseLong(parts[1]), parts[2]);
        } catch (DateTimeParseException | IllegalArgumentException notOurs) {
            throw new IllegalArgumentException("Not a cursor of this list: follow the Link header's next", notOurs);
        }
    }
}
