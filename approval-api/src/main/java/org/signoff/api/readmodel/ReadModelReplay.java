package org.signoff.api.readmodel;

import java.util.List;
import java.util.Set;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;

/**
 * Rebuilds read models from the event store at start-up: {@code --approval.projections.replay=master-list,tickets}
 * (or {@code all}) resets those processors' tokens; each empties its tables in its reset handler and replays every
 * event. An operator action for a read model that is damaged or whose shape changed; the event store is untouched.
 */
@Component
@Order(0)
class ReadModelReplay implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReplay.class);

    private final EventProcessingConfiguration processing;
    private final List<String> requested;

    ReadModelReplay(EventProcessingConfiguration processing, ApprovalProperties properties) {
        this.processing = processing;
        this.requested = properties.projections().replay();
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> all = processing.eventProcessors().keySet();
        for (String name : requested.contains("all") ? List.copyOf(all) : requested) {
            EventProcessor processor = processing
                    .eventProcessor(name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "approval.projections.replay: no read model '" + name + "'; there are " + all));
            if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
                continue; // the command-side lookups follow the commands; they are not replayed
            }
            streaming.shutDown();
            streaming.resetTokens();
            streaming.start();
            log.info("Replaying read model '{}' from the event store", name);
        }
    }
}
