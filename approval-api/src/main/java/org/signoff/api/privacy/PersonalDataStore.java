package org.signoff.api.privacy;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.signoff.api.durability.AggregateCaches;
import org.signoff.common.InstitutionScope;
import org.signoff.common.Rejection;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.staff.api.StaffId;

/**
 * Table {@code personal_data}: display names and Alma primary ids, outside the event store so they can be erased
 * without rewriting history. Written in the command's transaction; the read models join it at read time. Pseudonyms are kept by
 * {@link Pseudonyms}.
 */
@Component
class PersonalDataStore implements PersonalDataVault {

    private final JdbcClient jdbc;
    private final Pseudonyms pseudonyms;
    private final PersonalTexts texts;
    private final AggregateCaches aggregates;

    PersonalDataStore(JdbcClient jdbc, Pseudonyms pseudonyms, PersonalTexts texts, AggregateCaches aggregates) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
        this.texts = texts;
        this.aggregates = aggregates;
    }

    @Override
    public java.util.List<StaffId> named(String displayName) {
        return jdbc
                .sql("SELECT staff_id FROM personal_data WHERE LOWER(display_name) = LOWER(?) ORDER BY staff_id")
                .param(displayName)
                .query(String.class)
                .list()
                .stream()
                .map(StaffId::of)
                .toList();
    }

    @Override
    public String pseudonymOf(StaffId staffId) {
        return pseudonyms.of(staffId);
    }

    /**
     * The display name goes, and every free text the person wrote or that is about them; the pseudonym stops leading
     * to the staff id, and no aggregate kept in memory from before names them by it.
     */
    @Override
    public void erase(StaffId staffId) {
        jdbc.sql("DELETE FROM personal_data WHERE staff_id = ?")
                .param(staffId.value())
                .update();
        texts.erase(pseudonyms.of(staffId));
        pseudonyms.erase(staffId);
        aggregates.forgetAll();
    }

    /**
     * On the person's row, which their registration wrote with their display name: a person without one was never
     * registered (or was erased), and is no one to give an Alma login to.
     */
    @Override
    public void storeAlmaPrimaryId(StaffId staffId, String almaPrimaryId) {
        int rows;
        try {
            // a member's person's login is kept under the member's prefix: unique within each institution's Alma
            rows = jdbc.sql("UPDATE personal_data SET alma_primary_id = ? WHERE staff_id = ?")
                    .params(
                            almaPrimaryId == null ? null : InstitutionScope.prefixOf(staffId.value()) + almaPrimaryId,
                            staffId.value())
                    .update();
        } catch (DuplicateKeyException takenMeanwhile) {
            // the aggregate looked first; this is someone else given the same login at the same moment
            throw Rejection.ALMA_PRIMARY_ID_IN_USE.because("Another person has this Alma primary id");
        }
        if (rows != 1) {
            throw new IllegalStateException("No personal data kept for '" + staffId + "'");
        }
    }

    @Override
    public Optional<String> almaPrimaryIdOf(StaffId staffId) {
        return jdbc.sql("SELECT alma_primary_id FROM personal_data WHERE staff_id = ?")
                .param(staffId.value())
                .query(String.class)
                .optional()
                .filter(java.util.Objects::nonNull)
                .map(kept -> kept.substring(
                        InstitutionScope.prefixOf(staffId.value()).length()));
    }

    @Override
    public Optional<StaffId> holderOfAlmaPrimaryId(String almaPrimaryId, String keysPrefix) {
        return jdbc
                .sql("SELECT staff_id FROM personal_data WHERE LOWER(alma_primary_id) = LOWER(?) AND "
                        + InstitutionScope.keysOf("staff_id") + " ORDER BY staff_id")
                .params(
                        keysPrefix + almaPrimaryId,
                        InstitutionScope.keysLike(keysPrefix),
                        InstitutionScope.keysNotLike(keysPrefix))
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .map(StaffId::of);
    }

    /** One statement, insert or replace: SQL's MERGE, the same on H2 and PostgreSQL 15+. */
    @Override
    public void storeDisplayName(StaffId staffId, String displayName) {
        jdbc.sql("MERGE INTO personal_data p USING (SELECT CAST(? AS VARCHAR(200)) AS staff_id, "
                        + "CAST(? AS VARCHAR(500)) AS display_name) v ON p.staff_id = v.staff_id "
                        + "WHEN MATCHED THEN UPDATE SET display_name = v.display_name "
                        + "WHEN NOT MATCHED THEN INSERT (staff_id, display_name) VALUES (v.staff_id, v.display_name)")
                .params(staffId.value(), displayName)
                .update();
    }
}
