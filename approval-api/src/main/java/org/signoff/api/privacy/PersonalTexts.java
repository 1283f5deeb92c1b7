package org.signoff.api.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.staff.api.StaffId;

/**
 * Table {@code personal_text}: the free text of events (reasons, notes, comments), which may name people. An event
 * holds a reference; the text is erased with its author and with the person it is about, and reads as
 * {@value #ERASED} from then on. Texts are cached as read (they never change but for an erasure, which clears the
 * cache of this node).
 */
@Component
public class PersonalTexts {

    public static final String ERASED = org.signoff.storage.PersonalData.ERASED_TEXT;

    private static final int CACHED = 10_000;

    private final JdbcClient jdbc;
    private final Pseudonyms pseudonyms;
    private final Map<String, String> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED;
        }
    });

    private final Map<String, StaffId> requesters = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StaffId> eldest) {
            return size() > CACHED;
        }
    });

    PersonalTexts(JdbcClient jdbc, Pseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    /**
     * Keeps a text, in the current transaction, and answers its reference. {@code subject} is the person it is
     * about; for a text on a ticket without one, the ticket's requester.
     */
    public String store(String text, StaffId author, StaffId subject, String ticketId) {
        String ref = UUID.randomUUID().toString();
        StaffId about = subject != null ? subject : requesterOf(ticketId).orElse(null);
        jdbc.sql("INSERT INTO personal_text (ref, text, author, subject, ticket_id) VALUES (?, ?, ?, ?, ?)")
                .params(
                        ref,
                        text,
                        author == null ? null : pseudonyms.of(author),
                        about == null ? null : pseudonyms.of(about),
                        ticketId)
                .update();
        Pseudonyms.afterCommit(() -> cache.put(ref, text)); // the read models read it back in a moment
        return ref;
    }

    /** The text, or {@value #ERASED} once erased. */
    public String read(String ref) {
        String cached = cache.get(ref);
        if (cached != null) {
            return cached;
        }
        String text = jdbc.sql("SELECT text FROM personal_text WHERE ref = ?")
                .param(ref)
                .query(String.class)
                .optional()
                .orElse(null);
        if (text == null) {
            return ERASED;
        }
        cache.put(ref, text);
        return text;
    }

    /** Every text the person wrote or that is about them, in the erasure's transaction. */
    void erase(String pseudonym) {
        jdbc.sql("UPDATE personal_text SET text = NULL, erased_at = ? WHERE (author = ? OR subject = ?) "
                        + "AND text IS NOT NULL")
                .params(Timestamp.from(Instant.now()), pseudonym, pseudonym)
                .update();
        cache.clear();
    }

    /** A ticket's requester, who never changes: remembered for the ticket's next texts. */
    private Optional<StaffId> requesterOf(String ticketId) {
        if (ticketId == null) {
            return Optional.empty();
        }
        StaffId known = requesters.get(ticketId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StaffId> requester = jdbc.sql("SELECT staff_id FROM lookup_ticket_slot WHERE ticket_id = ?")
                .param(ticketId)
                .query(String.class)
                .optional()
                .map(StaffId::of);
        requester.ifPresent(staffId -> Pseudonyms.afterCommit(() -> requesters.put(ticketId, staffId)));
        return requester;
    }
}
