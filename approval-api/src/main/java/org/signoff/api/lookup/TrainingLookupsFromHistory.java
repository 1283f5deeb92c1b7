package org.signoff.api.lookup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import org.signoff.catalog.api.JobRequiredClassesSet;
import org.signoff.catalog.api.TrainingClassRegistered;

/**
 * Engine migration 2.39: the training lookups of V2_38 filled from the events a store holds already (the classes and
 * the jobs' requirements came before their lookups; no attendance did). Read as the JSON Jackson stored, in the
 * order of the store, so the last requirement of a job is the one kept.
 */
@Component
class TrainingLookupsFromHistory implements JavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.39");
    }

    @Override
    public String getDescription() {
        return "training lookups from history";
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
    public void migrate(Context context) throws Exception {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        List<Event> events = jdbc.sql("SELECT payloadType, payload FROM DomainEventEntry WHERE payloadType IN (?, ?) "
                        + "ORDER BY globalIndex")
                .params(TrainingClassRegistered.class.getName(), JobRequiredClassesSet.class.getName())
                .query((rs, n) -> new Event(rs.getString(1), rs.getBytes(2)))
                .list();
        long position = 0;
        for (Event event : events) {
            JsonNode payload = JSON.readTree(new String(event.payload(), StandardCharsets.UTF_8));
            if (event.type().equals(TrainingClassRegistered.class.getName())) {
                jdbc.sql("INSERT INTO lookup_training_class (class_id, title, required_of_every_job, position) "
                                + "VALUES (?, ?, ?, ?)")
                        .params(
                                value(payload.get("classId")),
                                payload.get("title").asText(),
                                payload.path("requiredOfEveryJob").asBoolean(false),
                                ++position)
                        .update();
            } else {
                List<String> classIds = new ArrayList<>();
                payload.path("classIds").forEach(classId -> classIds.add(value(classId)));
                jdbc.sql("UPDATE lookup_job SET required_classes = ? WHERE job_id = ?")
                        .params(JSON.writeValueAsString(classIds), value(payload.get("jobId")))
                        .update();
            }
        }
    }

    /** An id as Jackson wrote it: its bare value, or an object holding it. */
    private static String value(JsonNode id) {
        return id.isObject() ? id.get("value").asText() : id.asText();
    }

    private record Event(String type, byte[] payload) {}
}
