package org.signoff.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor to compare with, measured in the same run on the same machine: plain JDBC on a durable H2 file
 * ({@code WRITE_DELAY=0}) writing a flow's event rows into Axon's event table, one transaction per row (one per
 * command), from the same number of threads. No reads, no lookups, no read models.
 */
final class RawJdbcBaseline {

    private static final String TABLE = "CREATE TABLE DomainEventEntry (globalIndex BIGSERIAL NOT NULL, "
            + "aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL, type VARCHAR(255), "
            + "eventIdentifier VARCHAR(255) NOT NULL, metaData BYTEA, payload BYTEA NOT NULL, "
            + "payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL, timeStamp VARCHAR(255) NOT NULL, "
            + "PRIMARY KEY (globalIndex), UNIQUE (aggregateIdentifier, sequenceNumber), UNIQUE (eventIdentifier))";
    private static final byte[] PAYLOAD = ("{\"ticketId\":\"0190a0b0-0000-7000-8000-000000000000\","
                    + "\"jobInstanceRef\":\"job-1\",\"recordsProcessed\":10,\"performedBy\":\"amy\"}")
            .getBytes();

    private RawJdbcBaseline() {}

    static void run(int flows, int threads, int rowsPerFlow) throws Exception {
        Path dir = Files.createTempDirectory("approval-raw");
        String url = "jdbc:h2:file:" + dir.resolve("raw") + ";WRITE_DELAY=0";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute(TABLE);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                writeFlows(url, flows / threads, rowsPerFlow);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(
                "%-12s %6d flows in %6.2f s: %7.1f flows/s, %8.1f commits/s (%d rows per flow, "
                        + "one transaction each)%n",
                "raw JDBC", flows, seconds, flows / seconds, flows * rowsPerFlow / seconds, rowsPerFlow);
    }

    private static void writeFlows(String url, int flows, int rowsPerFlow) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                        + "(aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadType, "
                        + "timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int flow = 0; flow < flows; flow++) {
                String aggregate = UUID.randomUUID().toString();
                for (int sequence = 0; sequence < rowsPerFlow; sequence++) {
                    insert.setString(1, aggregate);
                    insert.setLong(2, sequence);
                    insert.setString(3, "SignOffTicket");
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, "{}".getBytes());
                    insert.setBytes(6, PAYLOAD);
                    insert.setString(7, "org.signoff.ticket.api.SandboxTestReported");
                    insert.setString(8, "2026-11-22T11:00:00.000Z");
                    insert.executeUpdate();
                    connection.commit();
                }
            }
        }
    }
}
