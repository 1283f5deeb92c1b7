package org.signoff.projections;

import java.util.UUID;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real H2 database with the read models' schema, migrated by the same scripts the service runs. */
public final class ReadModelDatabase {

    private ReadModelDatabase() {}

    public static JdbcClient create() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(dataSource);
        return JdbcClient.create(dataSource);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/projections")
                .load()
                .migrate();
    }
}
