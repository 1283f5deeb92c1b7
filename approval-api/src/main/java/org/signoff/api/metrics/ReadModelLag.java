package org.signoff.api.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.signoff.api.readmodel.ProcessorPositions;

/**
 * How far each read model (each streaming processor: the read models, the webhook outbox) is behind the event
 * store, as the token store says (so every node reports the same, whichever runs it):
 * {@code approval.read_model.lag.events} (events stored after the last one it handled) and
 * {@code approval.read_model.lag.seconds} (how long ago the oldest of those was stored; 0 when caught up). And
 * {@code readModelsCaughtUp}, in the readiness group: out of service after start until every read model has once
 * reached the store's head as it was at start, then up for good (a read model that falls behind under load stays
 * ready: it serves, a little late).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelLag {

    @Bean
    MeterBinder readModelLagGauges(EventProcessingConfiguration processing, ProcessorPositions positions) {
        return registry -> processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder("approval.read_model.lag.events", positions, p -> eventsBehind(p, name))
                        .description("Events stored after the last one the read model handled")
                        .tag("read_model", name)
                        .register(registry);
                Gauge.builder("approval.read_model.lag.seconds", positions, p -> secondsBehind(p, name))
                        .description("How long ago the oldest event the read model has not handled was stored")
                        .tag("read_model", name)
                        .register(registry);
            }
        });
    }

    @Bean
    HealthIndicator readModelsCaughtUp(EventProcessingConfiguration processing, ProcessorPositions positions) {
        long headAtStart = positions.head();
        Map<String, Boolean> caughtUp = new ConcurrentHashMap<>();
        return () -> {
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor
                        && !caughtUp.containsKey(name)
                        && positions.of(name).orElse(-1) >= headAtStart) {
                    caughtUp.put(name, true);
                }
            });
            long streaming = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .count();
            return caughtUp.size() >= streaming
                    ? Health.up().build()
                    : Health.outOfService()
                            .withDetail("caughtUp", caughtUp.keySet())
                            .withDetail("headAtStart", headAtStart)
                            .build();
        };
    }

    private static double eventsBehind(ProcessorPositions positions, String name) {
        OptionalLong position = positions.of(name);
        return position.isEmpty() ? Double.NaN : Math.max(0, positions.head() - position.getAsLong());
    }

    private static double secondsBehind(ProcessorPositions positions, String name) {
        OptionalLong position = positions.of(name);
        if (position.isEmpty()) {
            return Double.NaN;
        }
        return positions
                .storedAfter(position.getAsLong())
                .map(oldest -> Duration.between(oldest, Instant.now()).toMillis() / 1000.0)
                .map(seconds -> Math.max(0, seconds))
                .orElse(0.0);
    }
}
