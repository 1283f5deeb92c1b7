package org.signoff.api.masterlistimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import org.signoff.api.ApprovalProperties;
import org.signoff.api.institution.Institutions;
import org.signoff.api.security.Caller;
import org.signoff.client.api.ClientId;
import org.signoff.staff.api.StaffId;

/**
 * {@code java -jar approval-api.jar import-master-list FILE [--dry-run] [--performed-by=STAFF_ID] [settings]}: the
 * import of {@code POST /master-list/imports}, run by an operator on the machine with the service stopped (it opens
 * the same database: {@code --approval.data-dir=…} or {@code --spring.datasource.url=…}). The service starts on a
 * free port without listening for anyone, the file is imported as the administrator named (by default
 * {@code approval.seed.admin-id}) through the same commands, the report is printed as JSON, and the service stops.
 * Exit 0 when the file was taken, 2 when it is not a master list or the arguments are wrong.
 */
public final class MasterListImportCommand {

    public static final String NAME = "import-master-list";

    /** The client the events of a command-line import carry. */
    static final ClientId COMMAND_LINE = ClientId.of("command-line");

    private MasterListImportCommand() {}

    public static int run(Class<?> application, String... args) {
        Path file = null;
        boolean dryRun = false;
        String performedBy = null;
        List<String> settings = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--logging.level.root=WARN",
                "--spring.main.log-startup-info=false"));
        for (String arg : args) {
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.startsWith("--performed-by=")) {
                performedBy = arg.substring("--performed-by=".length());
            } else if (arg.startsWith("--") && arg.contains("=")) {
                settings.add(arg);
            } else if (file == null && !arg.startsWith("--")) {
                file = Path.of(arg);
            } else {
                return usage("unexpected argument " + arg);
            }
        }
        if (file == null) {
            return usage("which file?");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException unreadable) {
            return usage("cannot read " + file + ": " + unreadable.getMessage());
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .bannerMode(Banner.Mode.OFF)
                .run(settings.toArray(String[]::new))) {
            StaffId performer = StaffId.of(
                    performedBy != null
                            ? performedBy
                            : context.getBean(ApprovalProperties.class).seed().adminId());
            SecurityContext security = SecurityContextHolder.createEmptyContext();
            security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new Caller(
                            COMMAND_LINE,
                            performer,
                            false,
                            Set.of(),
                            context.getBean(Institutions.class).defaultScope()),
                    null,
                    List.of()));
            SecurityContextHolder.setContext(security);
            MasterListImport.Report report = context.getBean(MasterListImport.class)
                    .run(content, file.getFileName().toString(), dryRun, performer);
            System.out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report));
            return 0;
        } catch (MasterListImport.NotAMasterList refused) {
            System.err.println("Not a master list: " + refused.detail());
            return 2;
        } catch (Exception failed) {
            Throwable cause = failed;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("The import failed: " + cause.getMessage());
            return 2;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar approval-api.jar " + NAME
                + " FILE [--dry-run] [--performed-by=STAFF_ID] [--approval.data-dir=…|--spring.datasource.url=…]");
        return 2;
    }
}
