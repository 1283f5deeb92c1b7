package org.signoff.api.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's processor starts at the head of the event store: subscribers hear of what happens from now on. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    ConfigurerModule outboxFromNowOn() {
        return configurer -> configurer
                .eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        WebhookOutbox.PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }

    /** {@code approval.webhook.outbox.depth}: notifications waiting to be delivered. */
    @Bean
    MeterBinder outboxDepth(WebhookStore store) {
        return registry -> Gauge.builder("approval.webhook.outbox.depth", store, WebhookStore::pending)
                .description("Notifications waiting to be delivered, to every subscriber")
                .register(registry);
    }
}
