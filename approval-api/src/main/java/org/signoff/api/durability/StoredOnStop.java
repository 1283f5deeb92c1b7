package org.signoff.api.durability;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The last step of a graceful stop, after the event processors have released their claims (Axon stops in an
 * earlier phase): everything committed is stored. On the H2 file a commit is on disk only once a store has written
 * it, and the releases are nobody's command; lost, the next start finds the segments claimed by a process that is
 * gone and waits out the claims (measured: 10.6 s to healthy instead of 4.7 after a stop with work in the read
 * models).
 */
@Component
class StoredOnStop implements SmartLifecycle {

    private final Durability durability;
    private volatile boolean running;

    StoredOnStop(Durability durability) {
        this.durability = durability;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        durability.awaitCommitsStored();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped last of all. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
