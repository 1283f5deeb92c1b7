package org.signoff.api.durability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.common.caching.Cache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.signoff.api.ApprovalProperties;

/**
 * The aggregate caches, one per aggregate type ({@link RecentAggregates}, {@code approval.aggregate-cache-size}
 * each), and the one way to empty them all. An aggregate in memory holds people by their staff ids, which the store
 * holds only as pseudonyms: once a person is erased, an aggregate read back from the store names them as erased, and
 * one kept from before must not be used again.
 */
@Component
public class AggregateCaches {

    private final int size;
    private final List<Cache> caches = new CopyOnWriteArrayList<>();

    AggregateCaches(ApprovalProperties properties) {
        this.size = properties.aggregateCacheSize();
    }

    /** A new cache for one aggregate type. */
    public Cache newCache() {
        Cache cache = new RecentAggregates(size);
        caches.add(cache);
        return cache;
    }

    /**
     * Forgets every aggregate kept, now and again once the current transaction has committed (a command running
     * meanwhile may have kept one read before the commit).
     */
    public void forgetAll() {
        caches.forEach(Cache::removeAll);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    caches.forEach(Cache::removeAll);
                }
            });
        }
    }
}
