package org.signoff.api.ledger;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.BadSqlGrammarException;

import org.signoff.api.durability.Durability;
import org.signoff.common.InstitutionCode;

/**
 * {@code java -jar approval-api.jar ledger-export [--institution=CODE] [--from=INSTANT] [--to=INSTANT] [--out=FILE]}:
 * the export of {@code GET /ledger/events} from the command line, of one institution's chain (unless named, the
 * store's default institution's), straight from the database the service is configured with (the
 * same {@code --approval.data-dir=…} or {@code --spring.datasource.*} settings), without starting the service. On
 * the embedded H2 the service must be stopped (H2 lets one process open its file); on PostgreSQL it may run. Writes
 * to standard output unless {@code --out} is given. Exits 0 when done, 2 when it could not export.
 *
 * <p>Not a {@code @Configuration}: the service's component scan must not find it, only this command's context.
 */
@ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class
})
@Import({Ledger.class, LedgerExport.class})
public class LedgerExportCommand {

    public static final String NAME = "ledger-export";

    /** Reading a database nobody writes to at the moment: every commit it sees is already durable. */
    @Bean
    Durability readerDurability() {
        return Durability.EVERY_COMMIT;
    }

    public static int run(String... args) {
        Instant from = null;
        Instant to = null;
        Path out = null;
        InstitutionCode institution = null;
        List<String> settings =
                new ArrayList<>(List.of("--logging.level.root=OFF", "--spring.main.log-startup-info=false"));
        try {
            for (String arg : args) {
                if (arg.startsWith("--institution=")) {
                    institution = InstitutionCode.of(arg.substring("--institution=".length()));
                } else if (arg.startsWith("--from=")) {
                    from = Instant.parse(arg.substring("--from=".length()));
                } else if (arg.startsWith("--to=")) {
                    to = Instant.parse(arg.substring("--to=".length()));
                } else if (arg.startsWith("--out=")) {
                    out = Path.of(arg.substring("--out=".length()));
                } else if (arg.startsWith("--") && arg.contains("=")) {
                    settings.add(arg);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
            }
            if (from != null && to != null && !from.isBefore(to)) {
                throw new IllegalArgumentException("--from must come before --to");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: java -jar approval-api.jar " + NAME
                            + " [--institution=CODE] [--from=2026-03-01T00:00:00Z] [--to=…] [--out=FILE] [--approval.data-dir=…|--spring.datasource.url=…]");
            return 2;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerExportCommand.class)
                        .web(WebApplicationType.NONE)
                        .bannerMode(Banner.Mode.OFF)
                        .run(settings.toArray(String[]::new));
                OutputStream target = out == null
                        ? new BufferedOutputStream(System.out)
                        : new BufferedOutputStream(Files.newOutputStream(out))) {
            InstitutionCode whose = institution != null
                    ? institution
                    : InstitutionCode.of(context.getBean(Ledger.class).defaultInstitution());
            context.getBean(LedgerExport.class).write(target, whose, from, to);
            return 0;
        } catch (BadSqlGrammarException noLedgerTables) {
            System.err.println("Could not export the ledger: this database has no ledger. Is it the one the service "
                    + "runs on (--approval.data-dir=…, --spring.datasource.url=…), and has the service started on it?");
            return 2;
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("Could not export the ledger: " + cause.getMessage());
            return 2;
        }
    }
}
