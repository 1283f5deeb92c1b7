package org.signoff.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import org.signoff.catalog.api.TrainingClassId;
import org.signoff.common.InstitutionScope;
import org.signoff.common.Rejection;
import org.signoff.lookup.Performers;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.TrainingRecords;
import org.signoff.staff.api.AlmaPrimaryIdCleared;
import org.signoff.staff.api.AlmaPrimaryIdSet;
import org.signoff.staff.api.ChangeStaffMember;
import org.signoff.staff.api.ClassAttended;
import org.signoff.staff.api.EnrolFirstAdministrator;
import org.signoff.staff.api.EraseStaffMember;
import org.signoff.staff.api.RecordClassAttendance;
import org.signoff.staff.api.RecordDeparture;
import org.signoff.staff.api.RegisterStaffMember;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.SetAlmaPrimaryId;
import org.signoff.staff.api.StaffId;
import org.signoff.staff.api.StaffMemberChanged;
import org.signoff.staff.api.StaffMemberErased;
import org.signoff.staff.api.StaffMemberLeft;
import org.signoff.staff.api.StaffMemberRegistered;

/**
 * A person of the staff directory. Their display name and Alma primary id go to the {@link PersonalDataVault}; the
 * events hold only the unit and roles.
 */
public class StaffMember {

    /** the pseudonym (the staff id for a person registered before pseudonyms): the key of their history */
    @AggregateIdentifier
    private String key;

    private StaffId staffId;
    private boolean pseudonymous;
    private boolean erased;

    private String unit;
    private Set<Role> roles = Set.of();
    private Set<String> liaisonUnits = Set.of();
    private boolean left;
    /** each class attended, on each day: the same day twice is one attendance */
    private final Set<Attendance> attended = new HashSet<>();

    StaffMember() {
        // for Axon
    }

    @CommandHandler
    StaffMember(RegisterStaffMember command, StaffDirectory directory, PersonalDataVault vault) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        checkLiaison(command.roles(), command.liaisonUnits());
        checkConsortiumRoles(command.staffId(), command.roles());
        if (StaffMemberErased.isErased(command.staffId())) {
            throw Rejection.INVALID_DEFINITION.because(
                    "Staff ids starting with '" + StaffMemberErased.ERASED + "' name erased people");
        }
        vault.storeDisplayName(command.staffId(), command.displayName());
        apply(new StaffMemberRegistered(
                command.staffId(),
                command.unit(),
                Set.copyOf(command.roles()),
                Set.copyOf(command.liaisonUnits()),
                command.performedBy(),
                vault.pseudonymOf(command.staffId())));
    }

    /**
     * Only while the directory has no administrator: a new person joins as one, or a person already known regains
     * the role (a directory left without administrators, e.g. by data older than the last-administrator rule).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnrolFirstAdministrator command, StaffDirectory directory, PersonalDataVault vault) {
        if (directory.administratorsAlongside(command.staffId()) > 0) {
            throw Rejection.ADMINISTRATOR_EXISTS.because("The directory already has an administrator");
        }
        if (staffId == null) {
            vault.storeDisplayName(command.staffId(), command.displayName());
            apply(new StaffMemberRegistered(
                    command.staffId(),
                    command.unit(),
                    Set.of(Role.ADMIN),
                    Set.of(),
                    null,
                    vault.pseudonymOf(command.staffId())));
        } else {
            apply(new StaffMemberChanged(staffId, unit, with(roles, Role.ADMIN), liaisonUnits, null));
        }
    }

    @CommandHandler
    void handle(ChangeStaffMember command, StaffDirectory directory, PersonalDataVault vault) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        requireHere();
        checkLiaison(command.roles(), command.liaisonUnits());
        checkConsortiumRoles(command.staffId(), command.roles());
        if (roles.contains(Role.ADMIN)
                && !command.roles().contains(Role.ADMIN)
                && directory.administratorsAlongside(staffId) <= 1) {
            throw Rejection.LAST_ADMINISTRATOR.because(
                    "'" + staffId + "' is the only administrator; make someone else administrator first");
        }
        if (command.displayName() != null) {
            vault.storeDisplayName(staffId, command.displayName());
        }
        apply(new StaffMemberChanged(
                staffId,
                command.unit(),
                Set.copyOf(command.roles()),
                Set.copyOf(command.liaisonUnits()),
                command.performedBy()));
    }

    /**
     * Two people never share an Alma login: the engine would give one person's roles to the other. The id held
     * already records nothing new.
     */
    @CommandHandler
    void handle(SetAlmaPrimaryId command, StaffDirectory directory, PersonalDataVault vault) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        requireHere();
        String wanted = command.almaPrimaryId();
        if (wanted != null && wanted.isBlank()) {
            throw Rejection.INVALID_DEFINITION.because("An Alma primary id may not be empty; send null to clear it");
        }
        if (Objects.equals(vault.almaPrimaryIdOf(staffId).orElse(null), wanted)) {
            return;
        }
        if (wanted == null) {
            vault.storeAlmaPrimaryId(staffId, null);
            apply(new AlmaPrimaryIdCleared(staffId, command.performedBy()));
            return;
        }
        Optional<StaffId> holder = vault.holderOfAlmaPrimaryId(wanted, InstitutionScope.prefixOf(staffId.value()))
                .filter(other -> !other.equals(staffId));
        if (holder.isPresent()) {
            throw Rejection.ALMA_PRIMARY_ID_IN_USE.because(
                    "Another person ('" + holder.get() + "') has this Alma primary id");
        }
        vault.storeAlmaPrimaryId(staffId, wanted);
        apply(new AlmaPrimaryIdSet(staffId, command.performedBy()));
    }

    /**
     * Nobody records their own attendance, trainers included: a request rests on it. A day out of
     * {@link RecordClassAttendance#possibleDay} is a slip; the same class on the same day again is refused as known,
     * so a list imported twice records each line once.
     */
    @CommandHandler
    void handle(RecordClassAttendance command, StaffDirectory directory, TrainingRecords training) {
        Performers.withAnyRole(directory, command.performedBy(), Role.TRAINER, Role.FACILITATOR, Role.ADMIN);
        if (command.performedBy().equals(staffId)) {
            throw Rejection.OWN_ATTENDANCE.because("'" + staffId + "' may not record their own attendance");
        }
        requireHere();
        TrainingClassId classId = command.classId();
        if (training.find(classId).isEmpty()) {
            throw Rejection.UNKNOWN_TRAINING_CLASS.because("No training class '" + classId + "'");
        }
        if (!RecordClassAttendance.possibleDay(command.attendedOn(), GenericEventMessage.clock.instant())) {
            throw Rejection.INVALID_DEFINITION.because(
                    "An attendance has a day from " + RecordClassAttendance.EARLIEST_DAY + " to tomorrow");
        }
        if (attended.contains(new Attendance(classId, command.attendedOn()))) {
            throw Rejection.ATTENDANCE_ALREADY_RECORDED.because("'" + staffId + "' attending '" + classId + "' on "
                    + command.attendedOn() + " is already recorded");
        }
        apply(new ClassAttended(staffId, classId, command.attendedOn(), command.performedBy()));
    }

    @CommandHandler
    void handle(RecordDeparture command, StaffDirectory directory) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        requireHere();
        if (roles.contains(Role.ADMIN) && directory.administratorsAlongside(staffId) <= 1) {
            throw Rejection.LAST_ADMINISTRATOR.because(
                    "'" + staffId + "' is the only administrator; make someone else administrator first");
        }
        apply(new StaffMemberLeft(staffId, command.reason(), command.performedBy()));
    }

    /**
     * Only a person who left is erased, and only one whose history was written with pseudonyms: events stored before
     * pseudonyms hold the staff id itself, which erasing cannot take out of a sealed history.
     */
    @CommandHandler
    StaffId handle(EraseStaffMember command, StaffDirectory directory, PersonalDataVault vault) {
        Performers.withAnyRole(directory, command.performedBy(), Role.ADMIN);
        if (erased) {
            throw Rejection.STAFF_MEMBER_LEFT.because("This person was erased");
        }
        if (!left) {
            throw Rejection.STAFF_MEMBER_NOT_LEFT.because(
                    "'" + staffId + "' has not left: record their departure first");
        }
        if (!pseudonymous) {
            throw Rejection.ERASURE_UNAVAILABLE.because("'" + staffId
                    + "' was registered before pseudonyms: their staff id is in events that cannot be rewritten");
        }
        vault.erase(staffId);
        apply(new StaffMemberErased(key, command.performedBy()));
        return StaffMemberErased.erasedAs(key);
    }

    private void requireHere() {
        if (left) {
            throw Rejection.STAFF_MEMBER_LEFT.because("'" + staffId + "' has left");
        }
    }

    /** The consortium's roles are held in the default institution (whose keys have no prefix), the engine's own. */
    private static void checkConsortiumRoles(StaffId person, Set<Role> roles) {
        if ((roles.contains(Role.CONSORTIUM_ADMIN) || roles.contains(Role.CONSORTIUM_ANALYST))
                && !InstitutionScope.prefixOf(person.value()).isEmpty()) {
            throw Rejection.INVALID_DEFINITION.because(
                    "The consortium's roles are held in the default institution, the one that runs the engine");
        }
    }

    private static void checkLiaison(Set<Role> roles, Set<String> liaisonUnits) {
        if (!liaisonUnits.isEmpty() && !roles.contains(Role.LIAISON)) {
            throw Rejection.INVALID_DEFINITION.because("Only a person with role LIAISON has liaison units");
        }
    }

    private static Set<Role> with(Set<Role> roles, Role role) {
        Set<Role> more = EnumSet.of(role);
        more.addAll(roles);
        return Set.copyOf(more);
    }

    @EventSourcingHandler
    void on(StaffMemberRegistered event) {
        pseudonymous = event.pseudonym() != null;
        key = pseudonymous ? event.pseudonym() : event.staffId().value();
        staffId = event.staffId();
        unit = event.unit();
        roles = event.roles();
        liaisonUnits = event.liaisonUnits();
    }

    @EventSourcingHandler
    void on(StaffMemberErased event) {
        erased = true;
    }

    @EventSourcingHandler
    void on(StaffMemberLeft event) {
        left = true;
    }

    @EventSourcingHandler
    void on(StaffMemberChanged event) {
        unit = event.unit();
        roles = event.roles();
        liaisonUnits = event.liaisonUnits();
    }

    @EventSourcingHandler
    void on(ClassAttended event) {
        attended.add(new Attendance(event.classId(), event.attendedOn()));
    }

    private record Attendance(TrainingClassId classId, LocalDate day) {}
}
