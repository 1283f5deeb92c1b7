package org.signoff.api.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Who the first administrator is, for an empty directory. */
@ConfigurationProperties("approval.seed")
record SeedProperties(@DefaultValue("admin") String adminId,
                      @DefaultValue("Administrator") String adminDisplayName,
                      @DefaultValue("LTS") String adminUnit) {
}
