package org.signoff.api.readmodel;

import java.util.Optional;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.common.InstitutionCode;

/**
 * The store's default institution, recorded at its first start: events and lookup rows name it, so a start configured
 * with another code is refused (it would turn the store's own data into another institution's), never taken.
 */
final class DefaultInstitutionOfTheStore {

    private DefaultInstitutionOfTheStore() {}

    static void recordOrCheck(DataSource dataSource, InstitutionCode configured) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Optional<String> recorded = jdbc.sql("SELECT code FROM default_institution")
                .query(String.class)
                .optional();
        if (recorded.isEmpty()) {
            // nodes starting together: the primary key keeps one row, and the loser reads it next time
            jdbc.sql("INSERT INTO default_institution (code) SELECT ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM default_institution)")
                    .param(configured.value())
                    .update();
            recorded = jdbc.sql("SELECT code FROM default_institution")
                    .query(String.class)
                    .optional();
        }
        if (!recorded.orElseThrow().equals(configured.value())) {
            throw new IllegalStateException("approval.institution.default-code is '" + configured
                    + "', but this store's default institution is '" + recorded.get()
                    + "': set it back (the code names the store's events and keys; it is not renamed by a setting)");
        }
    }
}
