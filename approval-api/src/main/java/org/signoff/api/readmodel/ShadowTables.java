package org.signoff.api.readmodel;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A read model's tables, once more beside themselves ({@code projection_ticket__rebuild}, …), empty, with the same
 * columns, primary key and indexes (read from the database's own metadata, so the same on H2 and PostgreSQL); a
 * {@link JdbcClient} whose statements name those instead; and the copy of their rows over the live tables.
 */
final class ShadowTables {

    static final String SUFFIX = "__rebuild";

    private final List<String> tables;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final List<Pattern> names;

    ShadowTables(List<String> tables, JdbcClient jdbc, DataSource dataSource) {
        this.tables = List.copyOf(tables);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.names = tables.stream()
                .map(table -> Pattern.compile("\\b" + table + "\\b", Pattern.CASE_INSENSITIVE))
                .toList();
    }

    /** Made anew, empty: what a rebuild left behind (a restart cut it short) is dropped first. */
    void create() throws SQLException {
        drop();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String table : tables) {
                String shadow = table + SUFFIX;
                jdbc.sql("CREATE TABLE " + shadow + " AS SELECT * FROM " + table + " WITH NO DATA")
                        .update();
                List<String> key = primaryKey(metadata, connection.getSchema(), stored(metadata, table));
                if (!key.isEmpty()) {
                    for (String column : key) {
                        jdbc.sql("ALTER TABLE " + shadow + " ALTER COLUMN " + column + " SET NOT NULL")
                                .update();
                    }
                    jdbc.sql("ALTER TABLE " + shadow + " ADD PRIMARY KEY (" + String.join(", ", key) + ")")
                            .update();
                }
                int n = 0;
                for (Map.Entry<String, Index> index : indexes(metadata, connection.getSchema(), stored(metadata, table))
                        .entrySet()) {
                    if (index.getValue().columns().equals(key)) {
                        continue; // the primary key's own
                    }
                    jdbc.sql("CREATE " + (index.getValue().unique() ? "UNIQUE " : "") + "INDEX " + shadow + "_"
                                    + ++n + " ON " + shadow + " ("
                                    + String.join(", ", index.getValue().columns())
                                    + ")")
                            .update();
                }
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The same statements, on the shadow tables. */
    JdbcClient client() {
        return sql -> jdbc.sql(rename(sql));
    }

    String rename(String sql) {
        String renamed = sql;
        for (int i = 0; i < tables.size(); i++) {
            renamed = names.get(i).matcher(renamed).replaceAll(tables.get(i) + SUFFIX);
        }
        return renamed;
    }

    /** The live tables get the shadows' rows, within the caller's transaction: readers see the old or the new. */
    void copyOverLive() {
        for (String table : tables) {
            jdbc.sql("DELETE FROM " + table).update();
            jdbc.sql("INSERT INTO " + table + " SELECT * FROM " + table + SUFFIX)
                    .update();
        }
    }

    void drop() {
        tables.forEach(
                table -> jdbc.sql("DROP TABLE IF EXISTS " + table + SUFFIX).update());
    }

    /** A table's name as the database keeps it in its metadata (H2: upper case). */
    private static String stored(DatabaseMetaData metadata, String table) throws SQLException {
        return metadata.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
    }

    private static List<String> primaryKey(DatabaseMetaData metadata, String schema, String table) throws SQLException {
        Map<Short, String> columns = new TreeMap<>();
        try (ResultSet rows = metadata.getPrimaryKeys(null, schema, table)) {
            while (rows.next()) {
                columns.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns.values());
    }

    private record Index(boolean unique, List<String> columns) {}

    private static Map<String, Index> indexes(DatabaseMetaData metadata, String schema, String table)
            throws SQLException {
        Map<String, Map<Short, String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (ResultSet rows = metadata.getIndexInfo(null, schema, table, false, true)) {
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                if (name == null || rows.getString("COLUMN_NAME") == null) {
                    continue; // table statistics, or an index on an expression
                }
                columns.computeIfAbsent(name, any -> new TreeMap<>())
                        .put(rows.getShort("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
                unique.put(name, !rows.getBoolean("NON_UNIQUE"));
            }
        }
        Map<String, Index> indexes = new LinkedHashMap<>();
        columns.forEach(
                (name, ordered) -> indexes.put(name, new Index(unique.get(name), new ArrayList<>(ordered.values()))));
        return indexes;
    }
}
