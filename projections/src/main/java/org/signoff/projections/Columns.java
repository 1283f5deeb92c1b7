package org.signoff.projections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** How the read models put values into columns and take them out, the same on H2 and PostgreSQL. */
public final class Columns {

    private Columns() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A set of names as one column, sorted, newline separated. */
    public static String names(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining("\n"));
    }

    public static List<String> names(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
    }
}
