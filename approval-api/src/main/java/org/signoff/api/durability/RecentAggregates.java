package org.signoff.api.durability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The aggregate cache: the {@code capacity} aggregates used last, held until newer ones push them out. Axon's
 * {@code WeakReferenceCache} let the collector take an aggregate at the first collection after its command, which on
 * a small heap comes every few hundred milliseconds: a ticket's next step, even a second later, read its events back.
 * Which aggregate a command may use is still the repository's business (it evicts one whose command rolled back);
 * this only decides how long it is kept.
 */
final class RecentAggregates implements Cache {

    private final Map<Object, Object> entries;
    private final CopyOnWriteArrayList<EntryListener> listeners = new CopyOnWriteArrayList<>();

    RecentAggregates(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                boolean full = size() > capacity;
                if (full) {
                    listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                }
                return full;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value;
        synchronized (this) {
            value = (V) entries.get(key);
        }
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        Object previous;
        synchronized (this) {
            previous = entries.put(key, value);
        }
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (this) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
        }
        listeners.forEach(listener -> listener.onEntryCreated(key, value));
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (this) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        Object[] keys;
        synchronized (this) {
            keys = entries.keySet().toArray();
            entries.clear();
        }
        for (Object key : keys) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        boolean created;
        T value;
        synchronized (this) {
            value = (T) entries.get(key);
            created = value == null;
            if (created) {
                value = valueSupplier.get();
                entries.put(key, value);
            }
        }
        T result = value;
        listeners.forEach(listener -> {
            if (created) {
                listener.onEntryCreated(key, result);
            } else {
                listener.onEntryRead(key, result);
            }
        });
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V updated;
        synchronized (this) {
            V current = (V) entries.get(key);
            if (current == null) {
                return;
            }
            updated = update.apply(current);
            if (updated == null) {
                entries.remove(key);
            } else {
                entries.put(key, updated);
            }
        }
        listeners.forEach(listener -> {
            if (updated == null) {
                listener.onEntryRemoved(key);
            } else {
                listener.onEntryUpdated(key, updated);
            }
        });
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
