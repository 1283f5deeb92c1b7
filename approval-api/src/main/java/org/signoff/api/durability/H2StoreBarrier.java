package org.signoff.api.durability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded H2 file. H2 is opened with a write delay, so a commit is not stored when it ends;
 * instead each caller that must answer registers here, and one thread stores everything committed so far for all
 * of them at once, then releases them. Whoever registered before a store began is covered by it: its commit came
 * before the registration. While a store runs, the next callers gather for the following one, so under load one
 * store serves many commands, and alone a command waits for one store, as it did when every commit stored itself.
 * The store begins a moment ({@code approval.store-linger}, 2 ms) after the first caller asks: the commands that
 * commit meanwhile share it, and each store writes the pages they all changed once instead of once per store
 * (measured: a third less CPU per flow at 64 clients).
 *
 * <p>H2 writes its chunks in order and recovers the newest complete one, so a crash loses a suffix of commits, never
 * one in between, and never one that was answered.
 */
final class H2StoreBarrier implements Durability, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(H2StoreBarrier.class);

    private final MVStore store;
    private final long lingerNanos;
    private final Consumer<RuntimeException> storeLost;
    private final Thread storer;
    private final Object lock = new Object();
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private volatile boolean closed;
    private RuntimeException lost;

    H2StoreBarrier(MVStore store, Duration linger, Consumer<RuntimeException> storeLost) {
        this.store = store;
        this.lingerNanos = linger.toNanos();
        this.storeLost = storeLost;
        this.storer = new Thread(this::storeWhileAsked, "h2-store-barrier");
        storer.setDaemon(true);
        storer.start();
    }

    @Override
    public CompletableFuture<Void> afterCommitsStored() {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        synchronized (lock) {
            if (lost != null) {
                stored.completeExceptionally(lost);
                return stored;
            }
            if (closed) {
                stored.completeExceptionally(new IllegalStateException("The store is closing"));
                return stored;
            }
            waiting.add(stored);
            lock.notifyAll();
        }
        return stored;
    }

    private void storeWhileAsked() {
        while (true) {
            List<CompletableFuture<Void>> batch;
            synchronized (lock) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException stopping) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
            }
            if (lingerNanos > 0) {
                LockSupport.parkNanos(lingerNanos); // the commands committing meanwhile join this store
            }
            synchronized (lock) {
                batch = waiting;
                waiting = new ArrayList<>();
            }
            try {
                store.commit();
                // a store H2 began in the background may hold our changes and still be writing: wait for it too
                store.executeFilestoreOperation(() -> {});
                batch.forEach(caller -> caller.complete(null));
            } catch (RuntimeException failed) {
                batch.forEach(caller -> caller.completeExceptionally(failed));
                if (store.isClosed()) { // H2 gives up a store at its first failed write, and refuses all after it
                    synchronized (lock) {
                        lost = failed;
                        waiting.forEach(caller -> caller.completeExceptionally(failed));
                        waiting.clear();
                    }
                    storeLost.accept(failed);
                    return;
                }
                log.error("Storing the H2 file failed; {} callers are answered with the failure", batch.size(), failed);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            storer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
