package org.signoff.api.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
        List<Object> missing = seedJobs().stream()
                .filter(job -> catalog.find(JobId.of(job.jobId())).isEmpty())
                .<Object>map(job -> new RegisterJob(JobId.of(job.jobId()), job.definition(), admin))
                .toList();
        // one registered at the same moment elsewhere is there, which is all we want
        List<RuntimeException> refused = sendAll(missing);
        loggedRefusals("job", refused);
        long added = refused.stream().filter(Objects::isNull).count();
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
        List<Object> registrations = training.classes().stream()
                .<Object>map(seeded -> new RegisterTrainingClass(
                        TrainingClassId.of(seeded.classId()),
                        seeded.title(),
                        seeded.functionalArea(),
                        seeded.requiredOfEveryJob(),
                        admin))
                .toList();
        // one registered before (or at the same moment elsewhere) is left as the operator has it
        List<RuntimeException> registered = sendAll(registrations);
        loggedRefusals("training class", registered);
        for (int i = 0; i < registrations.size(); i++) {
            SeedClass seeded = training.classes().get(i);
            if (registered.get(i) == null) {
                added.add(seeded.classId());
            }
            seeded.requiredBy()
                    .forEach(job -> requiredBy
                            .computeIfAbsent(job, j -> new ArrayList<>())
                            .add(TrainingClassId.of(seeded.classId())));
        }
        List<Object> requirements = new ArrayList<>();
        requiredBy.forEach((job, classes) -> {
            if (added.containsAll(classes.stream().map(TrainingClassId::value).toList())
                    && catalog.find(JobId.of(job)).isPresent()) {
                requirements.add(new SetJobRequiredClasses(JobId.of(job), classes, admin));
            }
        });
        List<RuntimeException> set = sendAll(requirements);
        for (int i = 0; i < requirements.size(); i++) {
            if (set.get(i) != null) { // a retired job, say: the others still get theirs
                log.warn(
                        "Seed catalog: job '{}' keeps its classes: {}",
                        ((SetJobRequiredClasses) requirements.get(i)).jobId(),
                        set.get(i).getMessage());
            }
        }
        log.info("Seed catalog: {} training class(es) added", added.size());
    }

    /** A refusal other than "there already" is said, as a stopped seeding was before: the rest still goes in. */
    private static void loggedRefusals(String what, List<RuntimeException> refused) {
        refused.stream()
                .filter(CommandRejected.class::isInstance)
                .forEach(rejected -> log.warn("Seed catalog: a {} was refused: {}", what, rejected.getMessage()));
    }

    /**
     * Sends the commands at once, so that they share the group commit's stores (a new store's seeding took 0.7 s of
     * its first start one after another), and waits for all: for each, null when taken, or why it was refused (the
     * aggregate there already, a rule); anything else stops the seeding.
     */
    private List<RuntimeException> sendAll(List<Object> toSend) {
        List<CompletableFuture<Object>> sent =
                toSend.stream().map(command -> commands.send(command)).toList();
        List<RuntimeException> refused = new ArrayList<>();
        for (CompletableFuture<Object> answer : sent) {
            try {
                answer.join();
                refused.add(null);
            } catch (CompletionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof AggregateStreamCreationException || cause instanceof CommandRejected) {
                    refused.add((RuntimeException) cause);
                } else if (cause instanceof RuntimeException other) {
                    throw other;
                } else {
                    throw failed;
                }
            }
        }
        return refused;
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
