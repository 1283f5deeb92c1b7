package org.signoff.api.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RegisterJob;
import org.signoff.common.CommandRejected;
import org.signoff.common.Rejection;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.EnrolFirstAdministrator;
import org.signoff.staff.api.StaffId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At start-up, makes sure the directory has an administrator and the catalog holds the jobs of the team's master
 * list ({@code seed/catalog.json}). It only adds what is missing, through the same commands anyone would send, so
 * it is safe to run on every start and on every node: a job an operator changed or retired stays as they left it.
 */
@Component
@ConditionalOnProperty(name = "approval.seed.enabled", havingValue = "true", matchIfMissing = true)
class CatalogSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final CommandGateway commands;
    private final JobCatalog catalog;
    private final StaffDirectory directory;
    private final ObjectMapper json;
    private final SeedProperties properties;

    CatalogSeeder(CommandGateway commands, JobCatalog catalog, StaffDirectory directory, ObjectMapper objectMapper,
                  SeedProperties properties) {
        this.commands = commands;
        this.catalog = catalog;
        this.directory = directory;
        this.json = objectMapper;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        StaffId admin = StaffId.of(properties.adminId());
        if (!directory.hasAdministrator()) {
            ignoring(Rejection.ADMINISTRATOR_EXISTS, () -> commands.sendAndWait(
                    new EnrolFirstAdministrator(admin, properties.adminDisplayName(), properties.adminUnit())));
            log.info("Enrolled '{}' as the first administrator", admin);
        }
        int added = 0;
        for (SeedJob job : seedJobs()) {
            if (catalog.find(JobId.of(job.jobId())).isPresent()) {
                continue;
            }
            try {
                commands.sendAndWait(new RegisterJob(JobId.of(job.jobId()), job.definition(), admin));
                added++;
            } catch (AggregateStreamCreationException anotherNodeWasFaster) {
                // registered at the same moment elsewhere: it is there, which is all we want
            } catch (CommandRejected rejected) {
                log.warn("Seeding the catalog stopped: {}", rejected.getMessage());
                return;
            }
        }
        log.info("Seed catalog: {} job(s) added", added);
    }

    private List<SeedJob> seedJobs() throws IOException {
        try (InputStream in = new ClassPathResource("seed/catalog.json").getInputStream()) {
            return json.readValue(in, new TypeReference<List<SeedJob>>() {
            });
        }
    }

    private static void ignoring(Rejection expected, Runnable command) {
        try {
            command.run();
        } catch (CommandRejected rejected) {
            if (rejected.rejection() != expected) {
                throw rejected;
            }
        }
    }

    record SeedJob(String jobId, JobDefinition definition) {
    }
}
