package org.signoff.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.signoff.api.config.ProcessorPositions;

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
    public void afterAll(ExtensionContext context) throws InterruptedException {
        if (RunningService.sharedIfStarted().isEmpty()) {
            return;
        }
        RunningService service = RunningService.sharedIfStarted().get();
        ProcessorPositions positions = service.bean(ProcessorPositions.class);
        long head = positions.head();
        List<String> processors = service.bean(EventProcessingConfiguration.class).eventProcessors().entrySet().stream()
                .filter(processor -> processor.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (String processor : processors) {
            while (positions.of(processor).orElse(-1) < head) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Read model '" + processor + "' of the shared service is stuck at "
                            + positions.of(processor) + " while the store's head is " + head
                            + ": it failed on an event and retries it (the log says which)");
                }
                Thread.sleep(20);
            }
        }
    }
}
