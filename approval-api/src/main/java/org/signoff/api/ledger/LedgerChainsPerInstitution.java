package org.signoff.api.ledger;

import java.util.Optional;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.ledger.ChainHash;

/**
 * Engine migration 2.43: the ledger becomes a chain per institution, and a consortium chain over their heads.
 * {@code ledger_seal} and {@code ledger_head} gain the institution (part of their keys); the one chain sealed so far
 * is the default institution's, every seal and the head as they were, so exports taken before still verify. The
 * consortium's head row is the sealer's lock and where it has sealed the store up to; its chain starts empty.
 *
 * <p>In Java because the default institution's code is a setting: the store records it only after its migrations
 * ({@code default_institution}), and a store upgraded from before V2_42 has not yet. Tables are made anew and renamed,
 * as H2 and PostgreSQL name and drop primary keys differently.
 */
@Component
class LedgerChainsPerInstitution implements JavaMigration {

    private final String configuredDefault;

    LedgerChainsPerInstitution(ApprovalProperties properties) {
        this.configuredDefault = properties.institution().defaultInstitution().value();
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.43");
    }

    @Override
    public String getDescription() {
        return "ledger chains per institution";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        // the recorded code wins: a start configured with another is refused right after the migrations
        String institution = jdbc.sql("SELECT code FROM default_institution")
                .query(String.class)
                .optional()
                .or(() -> Optional.of(configuredDefault))
                .orElseThrow();
        jdbc.sql("CREATE TABLE ledger_chain_seal ("
                        + " institution  VARCHAR(40) NOT NULL,"
                        + " position     BIGINT      NOT NULL,"
                        + " global_index BIGINT      NOT NULL UNIQUE," // an event is sealed in one chain only
                        + " event_time   TIMESTAMP WITH TIME ZONE NOT NULL,"
                        + " hash         CHAR(64)    NOT NULL,"
                        + " PRIMARY KEY (institution, position))")
                .update();
        jdbc.sql("INSERT INTO ledger_chain_seal (institution, position, global_index, event_time, hash)"
                        + " SELECT CAST(? AS VARCHAR(40)), position, global_index, event_time, hash FROM ledger_seal")
                .param(institution)
                .update();
        jdbc.sql("CREATE TABLE ledger_chain_head ("
                        + " institution  VARCHAR(40) NOT NULL PRIMARY KEY,"
                        + " position     BIGINT      NOT NULL,"
                        + " global_index BIGINT      NOT NULL,"
                        + " hash         CHAR(64)    NOT NULL,"
                        + " sealed_at    TIMESTAMP WITH TIME ZONE)")
                .update();
        jdbc.sql("INSERT INTO ledger_chain_head (institution, position, global_index, hash, sealed_at)"
                        + " SELECT CAST(? AS VARCHAR(40)), position, global_index, hash, sealed_at FROM ledger_head"
                        + " WHERE id = 1 AND position > 0")
                .param(institution)
                .update();
        jdbc.sql("CREATE TABLE ledger_consortium_head ("
                        + " id           INTEGER  NOT NULL PRIMARY KEY,"
                        + " position     BIGINT   NOT NULL,"
                        + " hash         CHAR(64) NOT NULL,"
                        + " sealed_at    TIMESTAMP WITH TIME ZONE,"
                        + " global_index BIGINT   NOT NULL)") // the store is sealed up to here, in every chain
                .update();
        jdbc.sql("INSERT INTO ledger_consortium_head (id, position, hash, global_index)"
                        + " SELECT 1, 0, CAST(? AS CHAR(64)), global_index FROM ledger_head WHERE id = 1")
                .param(ChainHash.GENESIS)
                .update();
        jdbc.sql("CREATE TABLE ledger_consortium_seal ("
                        + " position             BIGINT      NOT NULL PRIMARY KEY,"
                        + " institution          VARCHAR(40) NOT NULL,"
                        + " institution_position BIGINT      NOT NULL,"
                        + " institution_hash     CHAR(64)    NOT NULL,"
                        + " hash                 CHAR(64)    NOT NULL,"
                        + " sealed_at            TIMESTAMP WITH TIME ZONE NOT NULL)")
                .update();
        jdbc.sql("CREATE INDEX ledger_consortium_seal_by_institution"
                        + " ON ledger_consortium_seal (institution, position)")
                .update();
        jdbc.sql("DROP TABLE ledger_seal").update();
        jdbc.sql("DROP TABLE ledger_head").update();
        jdbc.sql("ALTER TABLE ledger_chain_seal RENAME TO ledger_seal").update();
        jdbc.sql("ALTER TABLE ledger_chain_head RENAME TO ledger_head").update();
        jdbc.sql("CREATE INDEX ledger_seal_by_event_time ON ledger_seal (institution, event_time)")
                .update();
    }
}
