package org.signoff.api.durability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * An embedded H2 file is made durable by the store barrier (group commit), whatever its write delay. An H2 server
 * reached over the network is not: it stores commits by its own write delay, and unless that is {@code
 * WRITE_DELAY=0} a command answered with success could be lost to a crash. The operator is told so at start-up.
 */
@Component
class DurabilityCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);

    private final String url;

    DurabilityCheck(@Value("${spring.datasource.url:}") String url) {
        this.url = url;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!durable(url)) {
            log.warn(
                    "NOT DURABLE: the H2 server at {} stores commits when it likes, so commands answered with success "
                            + "may be lost if it dies. Add ;WRITE_DELAY=0 to spring.datasource.url, or use the "
                            + "embedded file.",
                    url);
        }
    }

    static boolean durable(String url) {
        return !H2Urls.server(url) || H2Urls.normal(url).contains(";write_delay=0");
    }
}
