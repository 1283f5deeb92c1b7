package org.signoff.api.readmodel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's tables and the read models' tables, each with a Flyway history of its own: Spring's Flyway migrates
 * the engine ({@code db/migration/engine}, history {@code flyway_schema_history}), a second one the read models
 * ({@code db/migration/projections}, history {@link #READ_MODEL_HISTORY}). Until version 2.31 the two shared one
 * history and some of their migrations depend on one another, so pending migrations run in version order across both;
 * the read models' own range begins at 3 and they no longer touch the engine's tables (their reset is their shape,
 * {@link ReadModelShapes}).
 *
 * <p>A store written before the split is handed over on its first start: the read models' history is baselined at the
 * last read-model migration the engine's history holds, those entries leave the engine's history, and so do the four
 * engine migrations that only reset read-model processors; a store that had not yet run one of them gets that reset
 * here, as the migration would have done.
 */
final class SchemaMigrations implements FlywayMigrationStrategy {

    static final String READ_MODEL_HISTORY = "read_model_schema_history";
    static final String READ_MODEL_LOCATION = "classpath:db/migration/projections";

    /** The engine migrations of the shared history that only reset read models, and which processors each reset. */
    private static final Map<String, List<String>> RESETS = Map.of(
            "V2_3__rebuild_reshaped_read_models.sql", List.of("staff", "master-list"),
            "V2_14__rebuild_the_master_list_with_its_history.sql", List.of("master-list"),
            "V2_17__rebuild_the_ticket_histories.sql", List.of("tickets"),
            "V2_28__rebuild_the_tickets_with_step_times.sql", List.of("tickets"));

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    @Override
    public void migrate(Flyway engine) {
        MigrationVersion baseline = handOver(engine, readModels(engine, MigrationVersion.fromVersion("0")));
        // anew: a Flyway that has looked at a history does not see it change under it
        inVersionOrder(again(engine.getConfiguration()), readModels(engine, baseline));
    }

    private static Flyway again(Configuration configuration) {
        return Flyway.configure(configuration.getClassLoader())
                .configuration(configuration)
                .load();
    }

    /**
     * The read models' Flyway: the engine's tables share the schema, so its first migration begins the read models'
     * history with a baseline: 0 in a new store, the last read-model migration run in a store handed over.
     */
    static Flyway readModels(Flyway engine, MigrationVersion baseline) {
        return Flyway.configure(engine.getConfiguration().getClassLoader())
                .configuration(engine.getConfiguration())
                .table(READ_MODEL_HISTORY)
                .locations(READ_MODEL_LOCATION)
                .javaMigrations() // the engine's
                .baselineOnMigrate(true)
                .baselineVersion(baseline)
                .baselineDescription("read models, history begun")
                .load();
    }

    /** Moves the read models' entries out of the engine's history; the version the read models' history begins at. */
    private static MigrationVersion handOver(Flyway engine, Flyway readModels) {
        Set<String> readModelScripts =
                Stream.of(readModels.info().all()).map(MigrationInfo::getScript).collect(Collectors.toSet());
        List<MigrationInfo> applied = List.of(engine.info().applied());
        List<MigrationInfo> handedOver = applied.stream()
                .filter(migration -> readModelScripts.contains(migration.getScript()))
                .toList();
        if (handedOver.isEmpty()) {
            return readModels.getConfiguration().getBaselineVersion();
        }
        MigrationVersion last = handedOver.stream()
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .orElseThrow();
        if (readModels.info().applied().length == 0) {
            // before the entries leave the engine's history: a node starting meanwhile sees one or the other
            Flyway.configure(readModels.getConfiguration().getClassLoader())
                    .configuration(readModels.getConfiguration())
                    .baselineVersion(last)
                    .load()
                    .baseline();
        }
        Set<String> resetsRun = applied.stream().map(MigrationInfo::getScript).collect(Collectors.toSet());
        JdbcClient jdbc = JdbcClient.create(engine.getConfiguration().getDataSource());
        RESETS.forEach((script, processors) -> {
            if (!resetsRun.contains(script)) {
                processors.forEach(processor -> jdbc.sql("DELETE FROM TokenEntry WHERE processorName = ?")
                        .param(processor)
                        .update());
            }
        });
        String history = engine.getConfiguration().getTable();
        Stream.concat(handedOver.stream().map(MigrationInfo::getScript), RESETS.keySet().stream())
                .forEach(script -> jdbc.sql("DELETE FROM \"" + history + "\" WHERE \"script\" = ?")
                        .param(script)
                        .update());
        log.info(
                "The read models' {} migrations (up to {}) move from the engine's history to {}",
                handedOver.size(),
                last,
                READ_MODEL_HISTORY);
        return last;
    }

    /**
     * Runs the pending migrations of both in version order: each turn, the side with the lowest pending version runs
     * its migrations below the other's lowest pending one. Nodes starting together may each take turns: a turn bounded
     * by what was pending when it was chosen stays in order, whoever ran what meanwhile. A store that is up to date
     * reads both histories only.
     */
    private static void inVersionOrder(Flyway engine, Flyway readModels) {
        while (true) {
            List<MigrationVersion> enginePending = pending(engine);
            List<MigrationVersion> readModelsPending = pending(readModels);
            if (enginePending.isEmpty() && readModelsPending.isEmpty()) {
                return;
            }
            boolean engineFirst = readModelsPending.isEmpty()
                    || !enginePending.isEmpty() && enginePending.get(0).compareTo(readModelsPending.get(0)) < 0;
            Flyway side = engineFirst ? engine : readModels;
            List<MigrationVersion> sidePending = engineFirst ? enginePending : readModelsPending;
            List<MigrationVersion> otherPending = engineFirst ? readModelsPending : enginePending;
            MigrationVersion until = otherPending.isEmpty()
                    ? MigrationVersion.LATEST
                    : sidePending.stream()
                            .filter(version -> version.compareTo(otherPending.get(0)) < 0)
                            .reduce((first, last) -> last)
                            .orElseThrow();
            Flyway.configure(side.getConfiguration().getClassLoader())
                    .configuration(side.getConfiguration())
                    .target(until)
                    .load()
                    .migrate();
        }
    }

    private static List<MigrationVersion> pending(Flyway flyway) {
        return Stream.of(flyway.info().pending())
                .map(MigrationInfo::getVersion)
                .sorted()
                .toList();
    }
}
