package org.signoff.api.alma;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The automatic take-back starts at the head of the event store: only the sign-offs ending from now on. */
@Configuration(proxyBeanMethods = false)
class AlmaTakeBackConfiguration {

    @Bean
    ConfigurerModule takeBackFromNowOn() {
        return configurer -> configurer
                .eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        AutomaticTakeBack.PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
