package org.signoff.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent commands commit out of order, so a read model's position has gaps: events numbered before it but not
 * yet committed when it read. Those events must still arrive, in order, and the read that looks for them must not
 * get slower with every event in the store.
 */
class GapsByIndexTest {

    private Connection connection;
    private JdbcEventStorageEngine store;

    @BeforeEach
    void eventTables() throws Exception {
        String url = "jdbc:h2:mem:gaps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    Files.readString(Path.of("src/main/resources/db/migration/engine/V1_1__axon_event_store.sql")));
        }
        store = JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(url))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .readEventDataWithGaps(new GapsByIndex())
                .build();
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
        connection.close();
    }

    @Test
    void anEventCommittedAfterThoseNumberedAfterItStillReachesTheReadModelInOrder() throws SQLException {
        store.appendEvents(IntStream.range(0, 10)
                .mapToObj(n -> new GenericDomainEventMessage<>("Ticket", "ticket-1", n, "event " + n))
                .toList());
        execute("CREATE TABLE held AS SELECT * FROM DomainEventEntry WHERE globalIndex = 5");
        execute("DELETE FROM DomainEventEntry WHERE globalIndex = 5");
        GapAwareTrackingToken readUpTo8 = GapAwareTrackingToken.newInstance(8, new TreeSet<>(List.of(5L)));

        execute("INSERT INTO DomainEventEntry SELECT * FROM held");
        List<Object> read = store.readEvents(readUpTo8, false)
                .map(event -> (Object) event.getPayload())
                .toList();

        assertThat(read).containsExactly("event 4", "event 8", "event 9");
    }

    @Test
    void theGapsAndTheEventsAfterThePositionAreFoundThroughTheIndexNotByReadingTheWholeStore() throws SQLException {
        String plan;
        try (Statement statement = connection.createStatement();
                ResultSet explained = statement.executeQuery("EXPLAIN "
                        + GapsByIndex.sql(new EventSchema(), 2)
                                .replaceFirst("\\?", "100")
                                .replaceFirst("\\?", "200")
                                .replaceFirst("\\?", "90")
                                .replaceFirst("\\?", "95"))) {
            explained.next();
            plan = explained.getString(1);
        }

        assertThat(plan)
                .containsPattern("/\\* PUBLIC\\.PRIMARY_KEY_\\w+: GLOBALINDEX > CAST\\(100 AS BIGINT\\)")
                .containsPattern("/\\* PUBLIC\\.PRIMARY_KEY_\\w+: GLOBALINDEX IN\\(90, 95\\)");
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
