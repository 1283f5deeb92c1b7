package org.signoff.api.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.signoff.api.ApprovalProperties;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RegisterJob;
import org.signoff.catalog.api.RegisterTrainingClass;
import org.signoff.catalog.api.SetJobRequiredClasses;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.common.CommandRejected;
import org.signoff.common.Rejection;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.StaffDirectory;
import org.signoff.staff.api.EnrolFirstAdministrator;
import org.signoff.staff.api.StaffId;

/**
 * At start-up, makes sure the directory has an administrator and the catalog holds the jobs of the team's master
 * list ({@code seed/catalog.json}) and the training programme's classes ({@code seed/training-classes.json}). It only adds what is missing, through the same commands anyone would send, so
 * it is safe to run on every start and on every node: a job an operator changed or retired stays as they left it.
 * Seeding never stops the service from starting on the data it has: a failure is logged, and the service runs.
 */
@Component
@Order(10)
class CatalogSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final CommandGateway commands;
    private final JobCatalog catalog;
    private final StaffDirectory directory;
    private final ObjectMapper json;
    private final ApprovalProperties.Seed seed;

    CatalogSeeder(
            CommandGateway commands,
            JobCatalog catalog,
            StaffDirectory directory,
            ObjectMapper objectMapper,
            ApprovalProperties properties) {
        this.commands = commands;
        this.catalog = catalog;
        this.directory = directory;
        this.json = objectMapper;
        this.seed = properties.seed();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!seed.enabled()) {
            return;
        }
        StaffId admin = StaffId.of(seed.adminId());
        try {
            ensureAdministrator(admin);
            addMissingJobs(admin);
            addMissingTrainingClasses(admin);
        } catch (CommandRejected rejected) {
            log.warn("Seeding stopped, the service runs on the data it has: {}", rejected.getMessage());
        } catch (RuntimeException | IOException failure) {
            log.error("Seeding stopped; the service runs on the data it has", failure);
        }
    }

    /** A directory without administrators (new, or left so by older data) gets the configured one. */
    private void ensureAdministrator(StaffId admin) {
        if (directory.administratorsAlongside(admin) > 0) {
            return;
        }
        try {
            commands.sendAndWait(new EnrolFirstAdministrator(admin, seed.adminDisplayName(), seed.adminUnit()));
            log.info("'{}' is the administrator of a directory that had none", admin);
        } catch (CommandRejected rejected) {
            if (rejected.rejection() != Rejection.ADMINISTRATOR_EXISTS) {
                throw rejected;
            }
            // another node enrolled one at the same moment
        }
    }

    private void addMissingJobs(StaffId admin) throws IOException {
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
            }
        }
        log.info("Seed catalog: {} job(s) added", added);
    }

    /**
     * The training programme's classes ({@code seed/training-classes.json}). A job gets the seed's requirements only
     * when every class it names was added by this run, so a requirement an operator changed is never put back.
     */
    private void addMissingTrainingClasses(StaffId admin) throws IOException {
        SeedTraining training;
        try (InputStream in = new ClassPathResource("seed/training-classes.json").getInputStream()) {
            training = json.readValue(in, SeedTraining.class);
        }
        List<String> added = new ArrayList<>();
        Map<String, List<TrainingClassId>> requiredBy = new LinkedHashMap<>();
        for (SeedClass seeded : training.classes()) {
            try {
                commands.sendAndWait(new RegisterTrainingClass(
                        TrainingClassId.of(seeded.classId()),
                        seeded.title(),
                        seeded.functionalArea(),
                        seeded.requiredOfEveryJob(),
                        admin));
                added.add(seeded.classId());
            } catch (AggregateStreamCreationException alreadyThere) {
                // registered before (or at the same moment elsewhere): left as the operator has it
            }
            seeded.requiredBy()
                    .forEach(job -> requiredBy
                            .computeIfAbsent(job, j -> new ArrayList<>())
                            .add(TrainingClassId.of(seeded.classId())));
        }
        requiredBy.forEach((job, classes) -> {
            if (added.containsAll(classes.stream().map(TrainingClassId::value).toList())
                    && catalog.find(JobId.of(job)).isPresent()) {
                try {
                    commands.sendAndWait(new SetJobRequiredClasses(JobId.of(job), classes, admin));
                } catch (CommandRejected rejected) { // a retired job, say: the others still get theirs
                    log.warn("Seed catalog: job '{}' keeps its classes: {}", job, rejected.getMessage());
                }
            }
        });
        log.info("Seed catalog: {} training class(es) added", added.size());
    }

    private List<SeedJob> seedJobs() throws IOException {
        try (InputStream in = new ClassPathResource("seed/catalog.json").getInputStream()) {
            return json.readValue(in, new TypeReference<List<SeedJob>>() {});
        }
    }

    record SeedJob(String jobId, JobDefinition definition) {}

    /** The seed's classes, marked by {@code source} as the seed's. */
    record SeedTraining(String source, List<SeedClass> classes) {}

    record SeedClass(
            String classId, String title, String functionalArea, boolean requiredOfEveryJob, List<String> requiredBy) {}
}
