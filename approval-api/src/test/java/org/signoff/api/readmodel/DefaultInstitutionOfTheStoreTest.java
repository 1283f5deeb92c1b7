package org.signoff.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.common.InstitutionCode;

/**
 * A store keeps the default institution it was first started with: the same code again starts, another is refused
 * with both codes named, since the store's events and keys already name the first.
 */
class DefaultInstitutionOfTheStoreTest {

    @Test
    void aStoreStartedAsOneInstitutionRefusesToStartAsAnother() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SchemaMigrations()
                .migrate(Flyway.configure()
                        .dataSource(h2)
                        .locations("classpath:db/migration/engine")
                        .load());

        DefaultInstitutionOfTheStore.recordOrCheck(h2, InstitutionCode.of("01HVD_INST"));
        DefaultInstitutionOfTheStore.recordOrCheck(h2, InstitutionCode.of("01HVD_INST"));

        assertThatThrownBy(() -> DefaultInstitutionOfTheStore.recordOrCheck(h2, InstitutionCode.of("DEFAULT")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'DEFAULT'")
                .hasMessageContaining("'01HVD_INST'");
        assertThat(JdbcClient.create(h2)
                        .sql("SELECT code FROM default_institution")
                        .query(String.class)
                        .list())
                .containsExactly("01HVD_INST");
    }
}
