package org.signoff.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.signoff.projections.catalog.CatalogProjection;
import org.signoff.projections.masterlist.MasterListProjection;
import org.signoff.projections.staff.StaffProjection;
import org.signoff.projections.ticket.TicketProjection;

/** The read models as an operator sees them: rebuilt over HTTP, caught up, and compared row for row. */
public final class ReadModels {

    /** Each read model's tables, by its name (its processing group). */
    public static final Map<String, List<String>> TABLES;

    static {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put(TicketProjection.PROCESSING_GROUP, TicketProjection.TABLES);
        tables.put(MasterListProjection.PROCESSING_GROUP, MasterListProjection.TABLES);
        tables.put(CatalogProjection.PROCESSING_GROUP, CatalogProjection.TABLES);
        tables.put(StaffProjection.PROCESSING_GROUP, StaffProjection.TABLES);
        TABLES = Collections.unmodifiableMap(tables);
    }

    private ReadModels() {}

    /** Rebuilds the read model, and waits until it is swapped in and has caught up. */
    public static void rebuild(Api admin, String readModel) {
        Api.Response started = admin.post("/read-models/" + readModel + "/rebuild", "{}");
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        assertThat(started.location()).isEqualTo("/read-models/" + readModel);
        awaitRebuilt(admin, readModel);
        awaitCaughtUp(admin);
    }

    public static void awaitRebuilt(Api admin, String readModel) {
        JsonNode view = admin.await(
                "/read-models/" + readModel,
                body -> body.at("/rebuild/finishedAt").isTextual());
        assertThat(view.at("/rebuild/status").asText())
                .as("%s: %s", readModel, view.at("/rebuild/failure").asText())
                .isEqualTo("DONE");
    }

    public static void awaitCaughtUp(Api admin) {
        admin.await("/read-models", body -> {
            for (JsonNode readModel : body) {
                if (readModel.get("eventsBehind").asLong(-1) != 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every row of every read model's tables, each as text, sorted: equal if the tables hold the same. */
    public static Map<String, List<String>> rows(JdbcClient jdbc) {
        Map<String, List<String>> rows = new TreeMap<>();
        TABLES.values()
                .forEach(tables -> tables.forEach(table -> rows.put(
                        table,
                        jdbc.sql("SELECT * FROM " + table).query().listOfRows().stream()
                                .map(row -> new TreeMap<>(row).toString())
                                .sorted()
                                .toList())));
        return rows;
    }
}
