package org.signoff.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An operator who configures H2 without immediate writes is warned that acknowledged commands could be lost. */
@ExtendWith(OutputCaptureExtension.class)
class DurabilityCheckTest {

    @Test
    void anH2ServerWithoutImmediateWritesIsNotDurable() {
        assertThat(DurabilityCheck.durable("jdbc:h2:tcp://db.example/approval")).isFalse();
        assertThat(DurabilityCheck.durable("jdbc:h2:ssl://db.example/approval;WRITE_DELAY=500"))
                .isFalse();
    }

    @Test
    void anEmbeddedH2FileWhichTheBarrierStoresAServerWithImmediateWritesAndPostgresqlAreDurable() {
        assertThat(DurabilityCheck.durable("jdbc:h2:file:./data/approval;DB_CLOSE_ON_EXIT=FALSE"))
                .isTrue();
        assertThat(DurabilityCheck.durable("jdbc:h2:./data/approval")).isTrue();
        assertThat(DurabilityCheck.durable("jdbc:h2:tcp://db.example/x; write_delay = 0"))
                .isTrue();
        assertThat(DurabilityCheck.durable("jdbc:h2:mem:test")).isTrue();
        assertThat(DurabilityCheck.durable("jdbc:postgresql://localhost/approval"))
                .isTrue();
    }

    @Test
    void theOperatorIsWarnedAtStartUp(CapturedOutput output) {
        new DurabilityCheck("jdbc:h2:tcp://db.example/lazy").run(null);
        new DurabilityCheck("jdbc:h2:tcp://db.example/eager;WRITE_DELAY=0").run(null);

        assertThat(output.getOut())
                .contains("NOT DURABLE: the H2 server at jdbc:h2:tcp://db.example/lazy")
                .doesNotContain("eager");
    }
}
