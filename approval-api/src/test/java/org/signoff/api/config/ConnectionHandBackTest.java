package org.signoff.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A command gives its connection back to the pool once, when its transaction ends. Given back twice, the second time
 * after another thread took it, the pool's handle forgets the statements that thread has open on it, and under load
 * that thread fails (a command answered 500).
 */
class ConnectionHandBackTest {

    @Test
    void aConnectionGivenBackIsNotClosedAgainWhileTheNextUserHoldsIt() throws Exception {
        HikariConfig settings = new HikariConfig();
        settings.setJdbcUrl("jdbc:h2:mem:hand-back-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        settings.setMaximumPoolSize(1); // whoever asks next gets the same connection
        try (HikariDataSource pool = new HikariDataSource(settings)) {
            ConnectionProvider connections = new AxonStorageConfiguration().axonConnectionProvider(pool);
            AtomicReference<Connection> nextUser = new AtomicReference<>();
            AtomicReference<PreparedStatement> itsStatement = new AtomicReference<>();

            DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericMessage<>("a command"));
            command.attachTransaction(new SpringTransactionManager(new DataSourceTransactionManager(pool)));
            command.onPrepareCommit(
                    unit -> { // as the event store appends a command's events
                        try (Connection connection = connections.getConnection();
                                PreparedStatement append = connection.prepareStatement("SELECT 1")) {
                            append.execute();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            command.afterCommit(
                    unit -> { // the transaction gave the connection back: the next user takes it
                        try {
                            nextUser.set(pool.getConnection());
                            itsStatement.set(nextUser.get().prepareStatement("SELECT 1"));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            command.commit();

            nextUser.get().close(); // closing a connection closes the statements still open on it
            assertThat(itsStatement.get().isClosed())
                    .as("the next user's statement, closed with its connection")
                    .isTrue();
        }
    }
}
