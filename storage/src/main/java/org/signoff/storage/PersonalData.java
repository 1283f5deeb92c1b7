package org.signoff.storage;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberErased;

/**
 * The tables the read models read but do not own, written by the command side: {@code personal_data} (staff id →
 * display name) and {@code staff_pseudonym} (pseudonym → staff id). Names are joined in at read time, never copied,
 * so erasing a person's name takes effect in every read model at once. Staff ids are copied (the read models are
 * keyed by them): when a person is erased, each read model replaces theirs, in the order of its events, by the name
 * they show under from then on; the command side keeps the erased staff id aside until all have done so.
 */
public final class PersonalData {

    /** {@code LEFT JOIN personal_data p ON p.staff_id = }, followed by the reader's staff id column. */
    public static final String JOIN_ON = "LEFT JOIN personal_data p ON p.staff_id = ";

    /** {@code LEFT JOIN staff_pseudonym sp ON sp.staff_id = }, followed by the reader's staff id column. */
    public static final String PSEUDONYM_JOIN_ON = "LEFT JOIN staff_pseudonym sp ON sp.staff_id = ";

    /** What a free text (a reason, a note, a comment) reads as once erased. */
    public static final String ERASED_TEXT = "[erased]";

    /** The names of the free-text fields in the events' data: a ticket's history shows them. */
    public static final List<String> FREE_TEXT_FIELDS = List.of("reason", "note", "notes", "comment");

    private PersonalData() {}

    /**
     * The staff id of an erased person while it is still kept aside; empty once every read model replaced it (a
     * replay after that reads the events with the erased name already).
     */
    public static Optional<String> erasedStaffId(JdbcClient jdbc, StaffMemberErased erasure) {
        return jdbc.sql("SELECT erased_staff_id FROM staff_pseudonym WHERE pseudonym = ?")
                .param(erasure.pseudonym())
                .query(String.class)
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    /**
     * Replaces the erased person's staff id in these columns of a table, and where it is a string value in its JSON
     * columns (a JSON string equal to the staff id, quotes included: a longer string that merely contains it is
     * someone else's).
     */
    public static void replace(
            JdbcClient jdbc, String staffId, StaffId erasedAs, String table, List<String> columns, List<String> json) {
        for (String column : columns) {
            jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE " + column + " = ?")
                    .params(erasedAs.value(), staffId)
                    .update();
        }
        for (String column : json) {
            jdbc.sql("UPDATE " + table + " SET " + column + " = REPLACE(" + column + ", ?, ?) WHERE " + column
                            + " LIKE ?")
                    .params(quoted(staffId), quoted(erasedAs.value()), "%" + quoted(staffId) + "%")
                    .update();
        }
    }

    private static String quoted(String value) {
        return '"' + value + '"';
    }
}
