package org.signoff.api.durability;

import java.util.concurrent.CompletableFuture;

/** When what a caller committed is on disk. */
public interface Durability {

    /**
     * Completes once everything committed before the call is stored: a caller waits on it before answering that a
     * write was taken.
     */
    CompletableFuture<Void> afterCommitsStored();

    /** Waits for {@link #afterCommitsStored()}. */
    default void awaitCommitsStored() {
        afterCommitsStored().join();
    }

    /** For a store whose every commit is durable as it returns (PostgreSQL with its defaults). */
    Durability EVERY_COMMIT = () -> CompletableFuture.completedFuture(null);
}
