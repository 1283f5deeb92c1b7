package org.signoff.api.durability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.institution.InstitutionWall;
import org.signoff.api.institution.Institutions;
import org.signoff.common.MessageMetaData;

/**
 * The store's durability, and the command bus that answers after it. Replaces Axon's default command bus
 * ({@code AxonAutoConfiguration.commandBus}) with the same settings.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DurabilityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DurabilityConfiguration.class);

    /**
     * On the embedded H2 file, a barrier that stores for many commits at once (closed with the context, before the
     * data source); elsewhere each commit is durable.
     */
    @Bean
    Durability durability(DataSource dataSource, ApprovalProperties properties, StoreRestart restart)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().isPersistent()) {
                log.info("Group commit: commands on the H2 file are answered once a shared store has written them");
                Path file = Path.of(session.getDatabase().getDatabasePath());
                return new H2StoreBarrier(
                        session.getDatabase().getStore().getMvStore(),
                        properties.storeLinger(),
                        failure -> restart.storeLost(file, failure));
            }
        }
        return Durability.EVERY_COMMIT;
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService commandAnswers() {
        return Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "command-answers");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(
            TransactionManager transactionManager,
            Configuration axonConfiguration,
            DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
            Durability durability,
            ExecutorService commandAnswers,
            ApprovalProperties properties,
            Institutions institutions) {
        SimpleCommandBus commandBus = new DurableCommandBus(
                SimpleCommandBus.builder()
                        .transactionManager(transactionManager)
                        .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                        .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                        .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus")),
                durability,
                commandAnswers);
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        commandBus.registerDispatchInterceptor(
                withInstitution(properties.institution().defaultInstitution().value()));
        commandBus.registerDispatchInterceptor(new InstitutionWall(institutions));
        return commandBus;
    }

    /**
     * A command that names no institution (one the engine sends itself: its seed, Alma's listeners, automatic
     * take-backs) acts within the default institution, and says so: every event names the institution it is of.
     */
    private static MessageDispatchInterceptor<CommandMessage<?>> withInstitution(String defaultInstitution) {
        return messages -> (index, command) -> command.getMetaData().containsKey(MessageMetaData.INSTITUTION)
                ? command
                : command.andMetaData(Map.of(MessageMetaData.INSTITUTION, defaultInstitution));
    }
}
