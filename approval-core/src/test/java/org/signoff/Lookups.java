package org.signoff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.signoff.catalog.api.AlmaSide;
import org.signoff.catalog.api.JobDefinition;
import org.signoff.catalog.api.JobId;
import org.signoff.catalog.api.RequiredReading;
import org.signoff.catalog.api.TrainingClassId;
import org.signoff.client.api.ClientId;
import org.signoff.lookup.CatalogEntry;
import org.signoff.lookup.CredentialVault;
import org.signoff.lookup.DeadlinePolicy;
import org.signoff.lookup.JobCatalog;
import org.signoff.lookup.PersonalDataVault;
import org.signoff.lookup.StaffDirectory;
import org.signoff.lookup.StaffMembership;
import org.signoff.lookup.SupportTicketRefs;
import org.signoff.lookup.TicketSlots;
import org.signoff.lookup.TrainingRecords;
import org.signoff.lookup.WaitLimits;
import org.signoff.staff.api.Role;
import org.signoff.staff.api.StaffId;
import org.signoff.ticket.api.TicketId;
import org.signoff.ticket.api.TicketStatus;

/**
 * The command side's lookups as a fixture sees them: a small known world of people and jobs. The service keeps
 * the same lookups in tables; the end-to-end tests cover those.
 */
public final class Lookups
        implements JobCatalog,
                StaffDirectory,
                TicketSlots,
                PersonalDataVault,
                CredentialVault,
                SupportTicketRefs,
                DeadlinePolicy,
                TrainingRecords {

    public static final StaffId AMY = StaffId.of("amy"); // staff, unit ITS
    public static final StaffId DARYL = StaffId.of("daryl"); // staff, unit ITS
    public static final StaffId LIBRARIAN = StaffId.of("lib"); // systems librarian
    public static final StaffId LIBRARIAN_WHO_ASKS = StaffId.of("lib2"); // systems librarian who is also staff
    public static final StaffId ITS_LIAISON = StaffId.of("liaison-its");
    public static final StaffId LAW_LIAISON = StaffId.of("liaison-law");
    public static final StaffId SUPPORT = StaffId.of("support");
    public static final StaffId ADMIN = StaffId.of("admin");

    public static final JobId CHANGE_ITEMS = JobId.of("change-physical-items");
    public static final JobId NORMALIZATION = JobId.of("bib-normalization");
    public static final RequiredReading OVERVIEW = new RequiredReading("jobs-overview", "Jobs overview", "1");
    public static final RequiredReading ITEMS_DOC = new RequiredReading("change-items-doc", "Change items", "3");

    private final Map<StaffId, StaffMembership> staff = new HashMap<>();
    private final Map<JobId, CatalogEntry> jobs = new HashMap<>();
    private final Map<String, TicketId> slots = new HashMap<>();
    public final Map<StaffId, String> displayNames = new HashMap<>();
    public final Map<StaffId, String> almaPrimaryIds = new HashMap<>();
    public final Map<ClientId, String> secretHashes = new HashMap<>();
    private final Map<String, TicketId> supportTickets = new HashMap<>();
    private final Map<TicketStatus, WaitLimits> deadlines = new HashMap<>();

    public Lookups() {
        person(AMY, "ITS", Set.of(Role.STAFF), Set.of());
        person(DARYL, "ITS", Set.of(Role.STAFF), Set.of());
        person(LIBRARIAN, "LTS", Set.of(Role.SYSTEMS_LIBRARIAN), Set.of());
        person(LIBRARIAN_WHO_ASKS, "LTS", Set.of(Role.STAFF, Role.SYSTEMS_LIBRARIAN), Set.of());
        person(ITS_LIAISON, "ITS", Set.of(Role.LIAISON), Set.of("ITS"));
        person(LAW_LIAISON, "LAW", Set.of(Role.LIAISON), Set.of("LAW"));
        person(SUPPORT, "LTS", Set.of(Role.SUPPORT_TEAM), Set.of());
        person(ADMIN, "LTS", Set.of(Role.ADMIN), Set.of());
        job(
                CHANGE_ITEMS,
                new JobDefinition(
                        "Items", "Change physical items", null, List.of(OVERVIEW, ITEMS_DOC), List.of(), false, false),
                false);
        job(
                NORMALIZATION,
                new JobDefinition(
                        "Bib changes",
                        "Bib normalization - choose a rule",
                        null,
                        List.of(OVERVIEW),
                        List.of("rule-a", "rule-b"),
                        true,
                        true),
                false);
    }

    private final Map<TrainingClassId, ClassEntry> classes = new java.util.LinkedHashMap<>();
    private final Set<TrainingClassId> ofEveryJob = new java.util.LinkedHashSet<>();
    private final Map<JobId, List<TrainingClassId>> requirements = new HashMap<>();
    private final Map<StaffId, Map<TrainingClassId, LocalDate>> attendance = new HashMap<>();

    /** A training class of the catalog, required of every job or not. */
    public Lookups trainingClass(TrainingClassId id, String title, boolean ofEveryJob) {
        classes.put(id, new ClassEntry(id, title));
        if (ofEveryJob) {
            this.ofEveryJob.add(id);
        }
        return this;
    }

    /** The job requires these classes (besides those of every job). */
    public Lookups requires(JobId jobId, TrainingClassId... classIds) {
        requirements.put(jobId, List.of(classIds));
        return this;
    }

    /** The person attended the class on that day. */
    public Lookups attended(StaffId staffId, TrainingClassId classId, LocalDate day) {
        attendance.computeIfAbsent(staffId, any -> new HashMap<>()).put(classId, day);
        return this;
    }

    @Override
    public Optional<ClassEntry> find(TrainingClassId classId) {
        return Optional.ofNullable(classes.get(classId));
    }

    @Override
    public List<ClassEntry> classes(org.signoff.common.InstitutionScope within) {
        return List.copyOf(classes.values());
    }

    @Override
    public List<ClassEntry> requiredOf(JobId jobId) {
        List<ClassEntry> required = new ArrayList<>();
        ofEveryJob.forEach(id -> required.add(classes.get(id)));
        requirements.getOrDefault(jobId, List.of()).forEach(id -> required.add(classes.get(id)));
        return required;
    }

    @Override
    public Map<TrainingClassId, LocalDate> attendedBy(StaffId staffId) {
        return Map.copyOf(attendance.getOrDefault(staffId, Map.of()));
    }

    /** Only the last day of each class is kept here: enough for the fixtures. */
    @Override
    public boolean hasAttended(StaffId staffId, TrainingClassId classId, LocalDate day) {
        return day.equals(attendedBy(staffId).get(classId));
    }

    public Lookups person(StaffId id, String unit, Set<Role> roles, Set<String> liaisonUnits) {
        staff.put(id, new StaffMembership(id, unit, roles, liaisonUnits));
        return this;
    }

    public Lookups job(JobId id, JobDefinition definition, boolean retired) {
        jobs.put(id, new CatalogEntry(id, definition, retired));
        return this;
    }

    /** The job's Alma side is this one from now on. */
    public Lookups almaSide(JobId id, AlmaSide side) {
        CatalogEntry entry = jobs.get(id);
        jobs.put(id, new CatalogEntry(id, entry.definition(), entry.retired(), side));
        return this;
    }

    public Lookups slotHeld(StaffId staffId, JobId jobId, String variant, TicketId holder) {
        slots.put(staffId + "|" + jobId + "|" + variant, holder);
        return this;
    }

    public Lookups supportTicketHeld(String supportTicketRef, TicketId holder) {
        supportTickets.put(supportTicketRef, holder);
        return this;
    }

    /** Tickets waiting on this step get these deadlines, whatever the job; no step has any unless set here. */
    public Lookups deadlines(TicketStatus waitingOn, WaitLimits limits) {
        deadlines.put(waitingOn, limits);
        return this;
    }

    @Override
    public Optional<WaitLimits> limitsFor(JobId jobId, TicketStatus waitingOn) {
        return Optional.ofNullable(deadlines.get(waitingOn));
    }

    public Lookups withoutAdministrators() {
        staff.values().removeIf(member -> member.has(Role.ADMIN));
        return this;
    }

    private final java.util.Set<StaffId> erased = new java.util.HashSet<>();

    @Override
    public List<CatalogEntry> all() {
        return List.copyOf(jobs.values());
    }

    @Override
    public List<StaffId> named(String displayName) {
        return displayNames.entrySet().stream()
                .filter(entry -> entry.getValue().equalsIgnoreCase(displayName))
                .map(Map.Entry::getKey)
                .toList();
    }

    @Override
    public Optional<CatalogEntry> find(JobId jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public Optional<StaffMembership> find(StaffId staffId) {
        return Optional.ofNullable(staff.get(staffId));
    }

    @Override
    public long administratorsAlongside(StaffId colleague) {
        return staff.values().stream().filter(member -> member.has(Role.ADMIN)).count();
    }

    @Override
    public Optional<TicketId> holder(StaffId staffId, JobId jobId, String variant) {
        return Optional.ofNullable(slots.get(staffId + "|" + jobId + "|" + variant));
    }

    @Override
    public List<TicketId> heldBy(StaffId staffId) {
        return slots.entrySet().stream()
                .filter(slot -> slot.getKey().startsWith(staffId + "|"))
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public Map<TicketId, JobId> jobsHeldBy(StaffId staffId) {
        Map<TicketId, JobId> jobs = new HashMap<>();
        slots.forEach((slot, ticket) -> {
            String[] parts = slot.split("\\|");
            if (parts[0].equals(staffId.value())) {
                jobs.put(ticket, JobId.of(parts[1]));
            }
        });
        return jobs;
    }

    @Override
    public List<TicketId> heldFor(JobId jobId) {
        return slots.entrySet().stream()
                .filter(slot -> slot.getKey().split("\\|")[1].equals(jobId.value()))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The person left the directory's active staff. */
    public Lookups left(StaffId id) {
        StaffMembership was = staff.get(id);
        staff.put(id, new StaffMembership(id, was.unit(), was.roles(), was.liaisonUnits(), true));
        return this;
    }

    @Override
    public void storeDisplayName(StaffId staffId, String displayName) {
        displayNames.put(staffId, displayName);
    }

    /** In the fixtures a person's pseudonym is their staff id: it keys their history as the command targets it. */
    @Override
    public String pseudonymOf(StaffId staffId) {
        return staffId.value();
    }

    @Override
    public void storeAlmaPrimaryId(StaffId staffId, String almaPrimaryId) {
        if (almaPrimaryId == null) {
            almaPrimaryIds.remove(staffId);
        } else {
            almaPrimaryIds.put(staffId, almaPrimaryId);
        }
    }

    @Override
    public Optional<String> almaPrimaryIdOf(StaffId staffId) {
        return Optional.ofNullable(almaPrimaryIds.get(staffId));
    }

    @Override
    public Optional<StaffId> holderOfAlmaPrimaryId(String almaPrimaryId, String keysPrefix) {
        return almaPrimaryIds.entrySet().stream()
                .filter(held -> held.getValue().equalsIgnoreCase(almaPrimaryId))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public void erase(StaffId staffId) {
        displayNames.remove(staffId);
        almaPrimaryIds.remove(staffId);
        erased.add(staffId);
    }

    public boolean erased(StaffId staffId) {
        return erased.contains(staffId);
    }

    @Override
    public void storeSecret(ClientId clientId, String secretHash) {
        secretHashes.put(clientId, secretHash);
    }

    @Override
    public void rotateSecret(ClientId clientId, String secretHash, Instant previousValidUntil) {
        secretHashes.put(clientId, secretHash);
    }

    @Override
    public Optional<TicketId> holder(String supportTicketRef, TicketId asking) {
        return Optional.ofNullable(supportTickets.get(supportTicketRef));
    }
}
