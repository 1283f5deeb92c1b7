package org.signoff.api.lookup;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lookups are maintained in the command's own transaction (a subscribing processor), and a failure to maintain
 * them fails the command instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
public class LookupConfiguration {

    public static final String PROCESSING_GROUP = "command-side-lookups";

    @Bean
    ConfigurerModule lookupsFollowTheCommand() {
        return configurer -> configurer
                .eventProcessing()
                .registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
