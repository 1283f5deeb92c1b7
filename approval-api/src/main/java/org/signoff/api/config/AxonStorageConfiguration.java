package org.signoff.api.config;

import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import org.signoff.ApprovalDomain;
import org.signoff.api.ApprovalProperties;
import org.signoff.api.durability.AggregateCaches;
import org.signoff.api.durability.GapsByIndex;
import org.signoff.api.durability.StoreCheckedCache;
import org.signoff.api.privacy.ErasableFreeText;
import org.signoff.api.privacy.PersonalTexts;
import org.signoff.api.privacy.PseudonymousStaffIds;
import org.signoff.api.privacy.Pseudonyms;
import org.signoff.api.privacy.StaffHistories;
import org.signoff.api.upcasting.SandboxTestReportedUpcaster;
import org.signoff.staff.StaffMember;

/**
 * Axon on JDBC. On Spring Boot 4, Axon's JDBC auto-configuration does not apply, so the event storage engine, the
 * token store and the transaction wiring are declared here. The tables come from the Flyway migrations, and every
 * Axon component shares Spring's transaction: a command's events, its lookups and its personal data commit together.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * How many of the newest events the event store keeps in memory for the read models at the head: about half a
     * second of events at full load, the read models being 0.1 s behind (docs/performance.md).
     */
    static final int CACHED_EVENTS = 1_000;

    /**
     * The JSON of every stored event and snapshot: times as ISO-8601 text ({@code 2026-11-23T09:00:00Z}), which an
     * auditor reads in the store as it is. Axon's default writes them as epoch numbers; both read back. People are
     * held by pseudonym and free text by reference ({@link PseudonymousStaffIds}, {@link ErasableFreeText}), so that
     * a person can be erased without rewriting a sealed history.
     */
    @Bean
    ObjectMapper defaultAxonObjectMapper(Pseudonyms pseudonyms, PersonalTexts texts) {
        return new ObjectMapper()
                .findAndRegisterModules()
                .registerModule(new PseudonymousStaffIds(pseudonyms))
                .registerModule(new ErasableFreeText(texts))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Axon's JDBC parts take the connection of the Spring transaction every unit of work runs in, and give it back to
     * that transaction. Not wrapped in Axon's {@code UnitOfWorkAwareConnectionProviderWrapper} (what Axon's own
     * auto-configuration does): the wrapper releases the connection once more when the unit of work is cleaned up,
     * after the transaction has already returned it to the pool. By then another thread may hold it, and the pool
     * (HikariCP) closing an already closed connection clears the open-statement list it shares with that thread's
     * handle: seen as a command answered 500 ({@code ArrayIndexOutOfBoundsException} in HikariCP's list) under load.
     */
    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * A duplicate (aggregate id, sequence number) is a conflict, not a store failure. Axon's JDBC default only knows
     * {@code SQLIntegrityConstraintViolationException}, which neither H2's batch errors nor PostgreSQL raise; the
     * SQLState for a unique violation, 23505, is the same in both.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .readEventDataWithGaps(new GapsByIndex())
                .build();
    }

    /**
     * The event store Axon's auto-configuration would declare, keeping fewer of the newest events in memory for the
     * read models that follow the head: {@link #CACHED_EVENTS} where Axon keeps 10,000, each with its serialised
     * payload, on the heap (a read model further behind reads the store itself, as after a rebuild).
     */
    @Bean("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS)
                .build();
    }

    /**
     * Events stored in an earlier shape, read as today's classes ({@code upcasting/}). Each change of an event's shape
     * adds one upcaster here, from the revision before it; the chain runs them in this order.
     */
    @Bean
    ConfigurerModule upcasters() {
        return configurer -> configurer.registerEventUpcaster(configuration -> new SandboxTestReportedUpcaster());
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer defaultSerializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(defaultSerializer)
                .build();
    }

    /**
     * The domain's aggregates, event sourced from the store above. With {@code approval.aggregate-cache} (on by
     * default) the {@code approval.aggregate-cache-size} aggregates used last (of each type) stay in memory between
     * commands instead of being read back from their events each time ({@link AggregateCaches}); a rolled-back
     * command evicts its own, an erasure all. Where other nodes write the store too, a cached aggregate is checked against the store
     * before each use ({@link StoreCheckedCache}); and a copy that went stale even so can only fail its append on the
     * unique sequence number, never lose or reorder an event.
     */
    @Bean
    ConfigurerModule approvalAggregates(
            ApprovalProperties properties,
            Pseudonyms pseudonyms,
            DataSource dataSource,
            JdbcClient jdbc,
            AggregateCaches caches)
            throws SQLException {
        boolean shared = StoreCheckedCache.needed(dataSource);
        Supplier<Cache> cache = !properties.aggregateCache()
                ? null
                : shared ? () -> new StoreCheckedCache(caches.newCache(), jdbc) : caches::newCache;
        return configurer -> ApprovalDomain.AGGREGATES.forEach(
                type -> configurer.configureAggregate(aggregate(type, cache, pseudonyms)));
    }

    private static <A> AggregateConfigurer<A> aggregate(Class<A> type, Supplier<Cache> cache, Pseudonyms pseudonyms) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type);
        if (type == StaffMember.class) {
            // a person's history is keyed by their pseudonym, not by the staff id the commands name them by
            aggregate.configureCommandTargetResolver(configuration -> new StaffHistories(pseudonyms));
        }
        return cache == null ? aggregate : aggregate.configureCache(configuration -> cache.get());
    }
}
