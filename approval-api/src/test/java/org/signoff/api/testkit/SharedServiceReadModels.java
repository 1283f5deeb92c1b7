package org.signoff.api.testkit;

import java.time.Duration;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.signoff.api.readmodel.ProcessorPositions;
import org.signoff.api.readmodel.ReadYourWrites;

/**
 * After every test class: each of the shared service's read models (and the webhook outbox) catches up with the
 * event store. One that cannot apply an event stops there and retries it for good, never skipping it, so a scenario
 * that breaks one leaves only a log line behind, while every later view or notification it owes silently never
 * comes. This makes that a failure of the class that ran it (or, the processors being asynchronous, of the next).
 * Registered for every class of this module through {@code META-INF/services}; a class that never started the shared
 * service is not checked.
 */
public class SharedServiceReadModels implements AfterAllCallback {

    /** Far longer than a read model takes to catch up after a test class, even on a busy machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Override
    public void afterAll(ExtensionContext context) {
        RunningService.sharedIfStarted().ifPresent(SharedServiceReadModels::allCaughtUp);
    }

    private static void allCaughtUp(RunningService service) {
        ReadYourWrites reads = service.bean(ReadYourWrites.class);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        service.bean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            // each wait is bounded (ReadYourWrites.AT_MOST); a stuck one fails them all until the patience ends
            while (processor instanceof StreamingEventProcessor && !reads.awaitCaughtUp(name)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Read model '" + name + "' of the shared service is stuck at "
                            + service.bean(ProcessorPositions.class).of(name) + " while the store's head is "
                            + service.bean(ProcessorPositions.class).head()
                            + ": it failed on an event and retries it (the log says which)");
                }
            }
        });
    }
}
