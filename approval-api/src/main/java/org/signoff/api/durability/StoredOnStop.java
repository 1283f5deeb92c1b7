package org.signoff.api.durability;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(StoredOnStop.class);

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
        try {
            durability.afterCommitsStored().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException notStored) {
            // the store failed or hangs: the stop goes on, and the next start waits out the claims
            log.warn("The last commits were not stored at the stop: {}", notStored.toString());
        }
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
