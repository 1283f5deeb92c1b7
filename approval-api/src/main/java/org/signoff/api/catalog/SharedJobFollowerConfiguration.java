package org.signoff.api.catalog;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared jobs' follower starts at the head of the event store: versions defined from now on. */
@Configuration(proxyBeanMethods = false)
class SharedJobFollowerConfiguration {

    @Bean
    ConfigurerModule sharedJobsFromNowOn() {
        return configurer -> configurer
                .eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        SharedJobFollower.PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
