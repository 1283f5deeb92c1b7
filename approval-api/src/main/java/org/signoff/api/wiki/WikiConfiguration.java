package org.signoff.api.wiki;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The publisher's processor starts at the head of the event store: the page is rendered whole from the read model,
 * so the history before it adds nothing, and an administrator publishes the first time.
 */
@Configuration(proxyBeanMethods = false)
class WikiConfiguration {

    @Bean
    ConfigurerModule wikiChangesFromNowOn() {
        return configurer -> configurer
                .eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        WikiChanges.PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
