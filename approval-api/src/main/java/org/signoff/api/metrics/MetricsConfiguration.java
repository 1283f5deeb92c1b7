package org.signoff.api.metrics;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ticket meters hear the events in the command's own transaction (a subscribing processor) and count once it
 * commits. A meter that fails is logged and never fails the command (Axon's default for a listener).
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    static final String PROCESSING_GROUP = "metrics";

    @Bean
    ConfigurerModule metricsFollowTheCommand() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(PROCESSING_GROUP);
    }
}
