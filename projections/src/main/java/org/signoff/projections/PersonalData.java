package org.signoff.projections;

/**
 * The one table the read models read but do not own: {@code personal_data} (staff id → display name), written by
 * the command side. Names are joined in at read time, never copied, so erasing a person's data takes effect in every
 * read model at once. Its shape is declared with the read models' migrations, which create it if missing.
 */
public final class PersonalData {

    /** {@code LEFT JOIN personal_data p ON p.staff_id = }, followed by the reader's staff id column. */
    public static final String JOIN_ON = "LEFT JOIN personal_data p ON p.staff_id = ";

    private PersonalData() {}
}
