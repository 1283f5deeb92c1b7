package org.signoff.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import org.signoff.catalog.api.AdoptSharedJob;
import org.signoff.catalog.api.AlmaRole;
import org.signoff.catalog.api.AlmaSide;
import org.signoff.catalog.api.ChangeJob;
import org.signoff.catalog.api.JobAlmaSideSet;
import org.signoff.catalog.api.JobChanged;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.JobRegistered;
import org.signoff.catalog.api.JobRequiredClassesSet;
import org.signoff.catalog.api.JobRetired;
import org.signoff.catalog.api.RegisterJob;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.catalog.api.RetireJob;
import org.signoff.catalog.api.SetJobAlmaSide;
import org.signoff.catalog.api.SetJobRequiredClasses;
import org.signoff.catalog.api.SharedJobAdopted;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.common.Rejection;
import org.signoff.lookup.Performers;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.TrainingRecords;
import org.signoff.staff.api.Role;

/** A job of the catalog: its definition changes over time; once retired it takes no new tickets. */
public class Job {

    @AggregateIdentifier
    private JobId jobId;

    private boolean retired;
    private AlmaSide almaSide = AlmaSide.NONE;
    private List<TrainingClassId> requiredClasses = List.of();

    Job() {
        // for Axon
    }

    @CommandHandler
    Job(RegisterJob command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        checkDefinition(command.definition());
        apply(new JobRegistered(command.jobId(), command.definition(), command.performedBy()));
    }

    /** A job of the consortium's shared catalog, adopted: registered as any job is, and following it from now on. */
    @CommandHandler
    Job(AdoptSharedJob command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        checkDefinition(command.definition());
        apply(new JobRegistered(command.jobId(), command.definition(), command.performedBy()));
        apply(new SharedJobAdopted(command.jobId(), command.sharedJobId(), command.performedBy()));
    }

    @CommandHandler
    void handle(ChangeJob command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        if (retired) {
            throw Rejection.JOB_RETIRED.because("Job '" + jobId + "' is retired and can no longer change");
        }
        checkDefinition(command.definition());
        apply(new JobChanged(jobId, command.definition(), command.performedBy()));
    }

    /** The same side again records nothing: an administrator's repeated request is answered as done. */
    @CommandHandler
    void handle(SetJobAlmaSide command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        if (retired) {
            throw Rejection.JOB_RETIRED.because("Job '" + jobId + "' is retired and can no longer change");
        }
        AlmaSide wanted = command.almaSide() == null ? AlmaSide.NONE : command.almaSide();
        checkAlmaSide(wanted);
        if (wanted.equals(almaSide)) {
            return;
        }
        apply(new JobAlmaSideSet(jobId, wanted, command.performedBy()));
    }

    /** Every class must be in the catalog and named once; the same list again records nothing. */
    @CommandHandler
    void handle(SetJobRequiredClasses command, StaffDirectory directory, TrainingRecords training) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        if (retired) {
            throw Rejection.JOB_RETIRED.because("Job '" + jobId + "' is retired and can no longer change");
        }
        List<String> unknown = command.classIds().stream()
                .filter(classId -> training.find(classId).isEmpty())
                .map(TrainingClassId::value)
                .toList();
        if (!unknown.isEmpty()) {
            throw Rejection.UNKNOWN_TRAINING_CLASS.because("No training class " + String.join(", ", unknown));
        }
        if (new HashSet<>(command.classIds()).size() != command.classIds().size()) {
            throw Rejection.INVALID_DEFINITION.because("A training class may be required only once per job");
        }
        if (command.classIds().equals(requiredClasses)) {
            return;
        }
        apply(new JobRequiredClassesSet(jobId, command.classIds(), command.performedBy()));
    }

    @CommandHandler
    void handle(RetireJob command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.SYSTEMS_LIBRARIAN, Role.ADMIN);
        if (retired) {
            throw Rejection.ALREADY_RETIRED.because("Job '" + jobId + "' is already retired");
        }
        apply(new JobRetired(jobId, command.reason(), command.performedBy()));
    }

    /** Rules a definition follows beyond being well formed (which the edge checks). */
    public static void checkDefinition(JobDefinition definition) {
        if (!unique(definition.requiredReadings().stream()
                .map(RequiredReading::documentId)
                .toList())) {
            throw Rejection.INVALID_DEFINITION.because("A document may be required only once per job");
        }
        if (!unique(definition.variants())) {
            throw Rejection.INVALID_DEFINITION.because("Variant names must be unique");
        }
        if (!definition.signOffPerVariant() && !definition.variants().isEmpty()) {
            throw Rejection.INVALID_DEFINITION.because("Variants are listed only for a job signed off per variant");
        }
        if (definition.signOffValidFor() != null
                && (definition.signOffValidFor().isNegative()
                        || definition.signOffValidFor().isZero())) {
            throw Rejection.INVALID_DEFINITION.because(
                    "A sign-off lasts some time (signOffValidFor), not " + definition.signOffValidFor());
        }
    }

    /** Every id and code is given, and said once: Alma would refuse a blank one, and a repeated one is a slip. */
    private static void checkAlmaSide(AlmaSide side) {
        checkIds("Alma job id", side.jobIds());
        checkIds("import profile id", side.importProfileIds());
        checkRoles("Sandbox", side.sandboxRoles());
        checkRoles("production", side.productionRoles());
    }

    private static void checkIds(String what, List<String> ids) {
        if (ids.stream().anyMatch(Job::blank)) {
            throw Rejection.INVALID_DEFINITION.because("An " + what + " may not be empty");
        }
        if (!unique(ids)) {
            throw Rejection.INVALID_DEFINITION.because("Each " + what + " is listed once");
        }
    }

    private static void checkRoles(String environment, List<AlmaRole> roles) {
        for (AlmaRole role : roles) {
            if (blank(role.roleType()) || blank(role.scope())) {
                throw Rejection.INVALID_DEFINITION.because(
                        "A " + environment + " role names its role type and its scope (library or institution code)");
            }
            if (role.parameters().stream().anyMatch(p -> blank(p.type()) || blank(p.value()))) {
                throw Rejection.INVALID_DEFINITION.because(
                        "A parameter of " + environment + " role '" + role.roleType() + "' names its type and value");
            }
        }
        if (new HashSet<>(roles).size() != roles.size()) {
            throw Rejection.INVALID_DEFINITION.because("Each " + environment + " role is listed once");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean unique(List<String> values) {
        return new HashSet<>(values).size() == values.size();
    }

    @EventSourcingHandler
    void on(JobRegistered event) {
        jobId = event.jobId();
    }

    @EventSourcingHandler
    void on(JobAlmaSideSet event) {
        almaSide = event.almaSide();
    }

    @EventSourcingHandler
    void on(JobRequiredClassesSet event) {
        requiredClasses = event.classIds();
    }

    @EventSourcingHandler
    void on(JobRetired event) {
        retired = true;
    }
}
