package org.signoff.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How values go into columns and come out, the same on H2 and PostgreSQL, for the read models and the command
 * side's lookups alike. Sets and lists are JSON arrays, structured values JSON documents: never values joined with a
 * separator that a user's input could contain.
 */
public final class Columns {

    /** Times as ISO-8601 text, as in the stored events. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private Columns() {}

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A set of names as a JSON array, sorted so that equal sets are equal columns. */
    public static String names(Collection<?> values) {
        return json(values.stream().map(Object::toString).sorted().toList());
    }

    /** A JSON array of text, in its order (an empty one is read without a parser). */
    public static List<String> strings(String column) {
        return column == null || column.equals("[]") ? List.of() : json(column, STRINGS);
    }

    /** The names of a column written by {@link #names(Collection)}. */
    public static List<String> names(String column) {
        return column == null ? List.of() : json(column, STRINGS);
    }

    /** A value as a JSON document. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T json(String column, Class<T> type) {
        try {
            return JSON.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " in the database", e);
        }
    }

    public static <T> T json(String column, TypeReference<T> type) {
        try {
            return JSON.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getType() + " in the database", e);
        }
    }
}
