package org.signoff.api.durability;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The aggregate cache when other processes write the same event store (several nodes on PostgreSQL): an aggregate
 * kept in memory is used only while it is still the newest version in the store, which one query on the store's
 * unique (aggregate, sequence number) index tells; otherwise it is dropped and read back from its events. So a node
 * never decides a step, or a deadline, on a ticket another node has moved on since. On the embedded H2 file, which
 * no other process can open, the plain cache is enough ({@link #needed}).
 */
public final class StoreCheckedCache implements Cache {

    private final Cache cache;
    private final JdbcClient jdbc;

    public StoreCheckedCache(Cache cache, JdbcClient jdbc) {
        this.cache = cache;
        this.jdbc = jdbc;
    }

    /** Whether processes other than this one may write the store: anything but an embedded H2 database. */
    public static boolean needed(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean embeddedH2 = connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
            return !embeddedH2
                    || connection.getMetaData().getURL().toUpperCase().contains("AUTO_SERVER=TRUE");
        }
    }

    @Override
    public <K, V> V get(K key) {
        V value = cache.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !newest(key.toString(), entry)) {
            cache.remove(key);
            return null;
        }
        return value;
    }

    private boolean newest(String aggregateId, AggregateCacheEntry<?> entry) {
        Long cached;
        try {
            // an entry of an in-memory cache holds the aggregate itself, and answers it without the arguments
            cached = entry.recreateAggregate(null, null, null, null).version();
        } catch (RuntimeException notInMemory) {
            return false;
        }
        List<Long> stored = jdbc.sql("SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(aggregateId)
                .query(Long.class)
                .list();
        return !stored.isEmpty() && Objects.equals(cached, stored.get(0));
    }

    @Override
    public void put(Object key, Object value) {
        cache.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return cache.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return cache.remove(key);
    }

    @Override
    public void removeAll() {
        cache.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cache.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cache.registerCacheEntryListener(cacheEntryListener);
    }
}
