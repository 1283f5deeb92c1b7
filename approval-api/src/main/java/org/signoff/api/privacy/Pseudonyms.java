package org.signoff.api.privacy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.signoff.common.InstitutionScope;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberErased;

/**
 * Table {@code staff_pseudonym}: the pseudonym of each person, what the event store holds for them. A pseudonym is
 * {@code ~} and 20 random hex digits; once the person is erased it reads as {@code erased-} and the same digits, a
 * stable name that leads to nobody. Answers are cached once committed (a pseudonym never changes; an erasure evicts
 * it on this node).
 */
@Component
public class Pseudonyms implements SmartInitializingSingleton {

    public static final String PREFIX = "~";
    public static final String ERASED = StaffMemberErased.ERASED;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Map<StaffId, String> pseudonyms = new ConcurrentHashMap<>();
    private final Map<String, StaffId> people = new ConcurrentHashMap<>();

    Pseudonyms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's pseudonym, made (in the current transaction) when first asked for. */
    public String of(StaffId staffId) {
        String institution = InstitutionScope.prefixOf(staffId.value());
        if (StaffMemberErased.isErased(staffId)) {
            return institution + PREFIX + staffId.value().substring(institution.length() + ERASED.length());
        }
        String known = pseudonyms.get(staffId);
        if (known != null) {
            return known;
        }
        String pseudonym = find(staffId).orElseGet(() -> {
            // a member's person's pseudonym is the member's too: so is the name they show under once erased
            String made = institution + PREFIX + HexFormat.of().formatHex(bytes());
            // a person already in the directory (registered before pseudonyms) keeps their history's key
            jdbc.sql("INSERT INTO staff_pseudonym (pseudonym, staff_id, legacy) SELECT ?, ?, "
                            + "EXISTS (SELECT 1 FROM lookup_staff WHERE staff_id = ?)")
                    .params(made, staffId.value(), staffId.value())
                    .update();
            return made;
        });
        remember(staffId, pseudonym);
        return pseudonym;
    }

    /** The person a pseudonym stands for: their staff id, or {@code erased-…} once they were erased. */
    public StaffId staffOf(String pseudonym) {
        StaffId known = people.get(pseudonym);
        if (known != null) {
            return known;
        }
        Optional<String> staffId = jdbc.sql("SELECT staff_id FROM staff_pseudonym WHERE pseudonym = ?")
                .param(pseudonym)
                .query(String.class)
                .optional();
        if (staffId.isEmpty() || staffId.get() == null) {
            return erased(pseudonym);
        }
        StaffId person = StaffId.of(staffId.get());
        remember(person, pseudonym);
        return person;
    }

    /**
     * The key of the person's own history: their pseudonym, or their staff id if their history predates pseudonyms
     * (or they are unknown, whose history there is none).
     */
    public String historyKeyOf(StaffId staffId) {
        return jdbc.sql("SELECT pseudonym FROM staff_pseudonym WHERE staff_id = ? AND NOT legacy")
                .param(staffId.value())
                .query(String.class)
                .optional()
                .orElse(staffId.value());
    }

    /** Whether a value the event store holds for a person is a pseudonym (a member's begins with its prefix). */
    public static boolean isPseudonym(String stored) {
        return stored.startsWith(PREFIX, InstitutionScope.prefixOf(stored).length());
    }

    /** The name an erased person shows under. */
    public static StaffId erased(String pseudonym) {
        return StaffMemberErased.erasedAs(pseudonym);
    }

    /**
     * Cuts the link from the pseudonym to the staff id, in the erasure's transaction. The staff id is kept aside
     * until every read model has replaced it (see {@code ErasurePurge}).
     */
    void erase(StaffId staffId) {
        jdbc.sql("UPDATE staff_pseudonym SET erased_staff_id = staff_id, staff_id = NULL, erased_at = ? "
                        + "WHERE staff_id = ?")
                .params(java.sql.Timestamp.from(Instant.now()), staffId.value())
                .update();
        String pseudonym = pseudonyms.remove(staffId);
        if (pseudonym != null) {
            people.remove(pseudonym);
        }
        afterCommit(() -> {
            String again = pseudonyms.remove(staffId);
            if (again != null) {
                people.remove(again);
            }
        });
    }

    /** At start, before any command: people of the directory from before pseudonyms get theirs. */
    @Override
    public void afterSingletonsInstantiated() {
        giveLegacyPeoplePseudonyms();
    }

    /** Every person known to the directory before pseudonyms gets one, once; their history stays keyed as it is. */
    int giveLegacyPeoplePseudonyms() {
        int given = 0;
        for (String staffId : jdbc.sql("SELECT staff_id FROM lookup_staff WHERE staff_id NOT IN "
                        + "(SELECT staff_id FROM staff_pseudonym WHERE staff_id IS NOT NULL)")
                .query(String.class)
                .list()) {
            given += jdbc.sql("INSERT INTO staff_pseudonym (pseudonym, staff_id, legacy) VALUES (?, ?, TRUE)")
                    .params(PREFIX + HexFormat.of().formatHex(bytes()), staffId)
                    .update();
        }
        return given;
    }

    private Optional<String> find(StaffId staffId) {
        return jdbc.sql("SELECT pseudonym FROM staff_pseudonym WHERE staff_id = ?")
                .param(staffId.value())
                .query(String.class)
                .optional();
    }

    /** Cached once committed: a pseudonym made in a transaction that rolls back is never remembered. */
    private void remember(StaffId staffId, String pseudonym) {
        afterCommit(() -> {
            pseudonyms.put(staffId, pseudonym);
            people.put(pseudonym, staffId);
        });
    }

    /** Runs once the current transaction commits (at once without one): what a rollback must not leave behind. */
    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
