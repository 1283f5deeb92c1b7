package org.signoff.api.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A read model that cannot apply an event stops at that event and retries it, never skipping it: Axon's default
 * would log the failure and move on, leaving the read model wrong for good. The handler's error reaches the tracking
 * processor, which rolls the batch back, keeps its token before the event and retries with a growing pause (1 s,
 * doubling, at most 60 s) until the cause is mended. Meanwhile it says so: a log line naming the event, health
 * {@code DEGRADED} for {@code readModels} with the failing one named, and the gauge
 * {@code approval.read_model.failing} at 1.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelFailures {

    static final String DEGRADED = "DEGRADED";

    private static final Logger log = LoggerFactory.getLogger(ReadModelFailures.class);

    @Bean
    ConfigurerModule readModelsStopAtAFailedEvent() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> ReadModelFailures::stopAt);
    }

    /** Names the event (type, id, and the aggregate and position it belongs to), never its data, and rethrows. */
    public static void stopAt(Exception failure, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        String position = event instanceof DomainEventMessage<?> domain
                ? " (" + domain.getType() + " " + domain.getAggregateIdentifier() + " #" + domain.getSequenceNumber()
                        + ")"
                : "";
        log.error(
                "Read model {} failed on event {} {}{}; it stops at this event and retries it: {}",
                handler.getTargetType().getSimpleName(),
                event.getPayloadType().getSimpleName(),
                event.getIdentifier(),
                position,
                failure.toString());
        throw failure;
    }

    @Bean
    HealthIndicator readModels(EventProcessingConfiguration processing) {
        return () -> {
            Map<String, Object> failing = new LinkedHashMap<>();
            processing
                    .eventProcessors()
                    .forEach((name, processor) -> failure(processor).ifPresent(error -> failing.put(name, error)));
            return failing.isEmpty()
                    ? Health.up().build()
                    : Health.status(DEGRADED).withDetails(failing).build();
        };
    }

    @Bean
    MeterBinder readModelGauges(EventProcessingConfiguration processing) {
        return registry -> processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder(
                                "approval.read_model.failing",
                                processor,
                                p -> failure(p).isPresent() ? 1 : 0)
                        .description("1 while the read model is stopped at an event it cannot apply")
                        .tag("read_model", name)
                        .register(registry);
            }
        });
    }

    /** What a read model failed with, as a type name (messages may hold data), if it is failing now. */
    private static Optional<String> failure(Object processor) {
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return Optional.empty();
        }
        return streaming.processingStatus().values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .findFirst()
                .map(status -> status.getError() == null
                        ? "failing"
                        : status.getError().getClass().getName());
    }
}
