package org.signoff.api.config;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * H2 delays writing commits by up to half a second unless told {@code WRITE_DELAY=0}: a command answered with
 * success could then be lost to a crash. An operator who overrides the H2 URL without it is told so at start-up.
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
                    "NOT DURABLE: the H2 URL {} has no WRITE_DELAY=0, so commands answered with success may be lost "
                            + "if the process dies. Add ;WRITE_DELAY=0 to spring.datasource.url.",
                    url);
        }
    }

    static boolean durable(String url) {
        String lower = url.toLowerCase(Locale.ROOT).replace(" ", "");
        boolean h2File = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:");
        return !h2File || lower.contains(";write_delay=0");
    }
}
