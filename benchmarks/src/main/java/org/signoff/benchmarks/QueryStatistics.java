package org.signoff.benchmarks;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a measured run's database time went, from H2's own statistics ({@code INFORMATION_SCHEMA.QUERY_STATISTICS}):
 * each statement's executions per flow, its mean time and its share of all statements' time. H2 times a statement's
 * execution (with any wait for a lock), not its parsing. Only on H2 ({@code --query-statistics}); gathering costs a
 * little time per statement, so runs with it are not runs to quote flows/s from. It shows the first 20
 * ({@code -Dquery-statistics.shown=N} for more).
 */
final class QueryStatistics {

    private static final int SHOWN = Integer.getInteger("query-statistics.shown", 20);

    private record Statement(String sql, long executions, double totalMs) {}

    private QueryStatistics() {}

    /** Forgets what was gathered so far (the warm-up, the set-up) and gathers from now on. */
    static void restart(JdbcClient jdbc) {
        jdbc.sql("SET QUERY_STATISTICS_MAX_ENTRIES 1000").update();
        jdbc.sql("SET QUERY_STATISTICS FALSE").update(); // H2 drops what it gathered when switched off
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();
    }

    /** The statements of the run, the costliest first, per flow; then stops gathering. */
    static void print(JdbcClient jdbc, int flows) {
        List<Statement> statements = jdbc
                .sql("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME "
                        + "FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC")
                .query((rs, n) -> new Statement(rs.getString(1), rs.getLong(2), rs.getDouble(3)))
                .list()
                .stream()
                .filter(statement -> !statement.sql().contains("QUERY_STATISTICS"))
                .toList();
        jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        double totalMs = statements.stream().mapToDouble(Statement::totalMs).sum();
        long executions = statements.stream().mapToLong(Statement::executions).sum();
        System.out.printf(
                Locale.ROOT,
                "  database: %.1f statements and %.2f ms of statement time per flow, %d distinct statements%n",
                (double) executions / flows,
                totalMs / flows,
                statements.size());
        for (Statement statement : statements.subList(0, Math.min(SHOWN, statements.size()))) {
            System.out.printf(
                    Locale.ROOT,
                    "  %5.1f%% %6.2f/flow %7.1f us  %s%n",
                    100 * statement.totalMs() / totalMs,
                    (double) statement.executions() / flows,
                    1000 * statement.totalMs() / statement.executions(),
                    abbreviated(statement.sql()));
        }
    }

    private static String abbreviated(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 137) + "...";
    }
}
