package org.signoff.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.signoff.api.testkit.RunningService;

/** On the embedded H2 file more commands may be in flight than HikariCP's default; a database server keeps it. */
class EmbeddedPoolSizeTest {

    @Test
    void theServiceOnItsH2FileLetsMoreCommandsBeInFlight() {
        assertThat(RunningService.shared().bean(HikariDataSource.class).getMaximumPoolSize())
                .isEqualTo(EmbeddedPoolSize.EMBEDDED);
    }

    @Test
    void onlyAnEmbeddedH2DatabaseIsEmbedded() {
        assertThat(H2Urls.embedded("jdbc:h2:file:./data/approval;DB_CLOSE_ON_EXIT=FALSE"))
                .isTrue();
        assertThat(H2Urls.embedded("jdbc:h2:mem:bench")).isTrue();
        assertThat(H2Urls.embedded("jdbc:h2:tcp://db.example/approval")).isFalse();
        assertThat(H2Urls.embedded("jdbc:postgresql://localhost/approval")).isFalse();
    }
}
