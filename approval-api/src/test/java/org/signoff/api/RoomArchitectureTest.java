package org.signoff.api;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The service is built of rooms, one package each under {@code org.signoff.api}: one capability named for it (privacy,
 * read-model operations, security, durability, the import, the ledger...). A room uses another only through the
 * classes that room names as its ports, the rooms never go round in a circle, and {@code problem/} is at the bottom.
 * A new use of another room's insides fails here: make it a port on purpose, or put the code in the room it belongs
 * to. (The rules read the compiled classes: a constant, such as a processing group's name, is copied into its user
 * and not seen.)
 */
@AnalyzeClasses(packages = "org.signoff.api", importOptions = ImportOption.DoNotIncludeTests.class)
class RoomArchitectureTest {

    private static final String API = "org.signoff.api.";

    /** The edge's kit, which every room may use whole: problem responses, input checks, ids, sending commands. */
    private static final Set<String> KIT = Set.of("problem", "input", "ids", "command");

    /** What each room offers the others; the rest of a room is its own. A room not named here offers nothing. */
    private static final Map<String, Set<String>> PORTS = Map.ofEntries(
            entry("alma", Set.of("SandboxRuns")),
            entry("catalog", Set.of("SharedJobs")),
            entry("consortium", Set.of("ConsortiumAnalytics")),
            entry("durability", Set.of("AggregateCaches", "Durability", "GapsByIndex", "StoreCheckedCache")),
            entry("institution", Set.of("Institutions", "InstitutionWall")),
            entry("ledger", Set.of("ChainHeads")),
            entry("lookup", Set.of("LookupConfiguration")),
            entry("masterlist", Set.of("MasterListExports")),
            entry(
                    "privacy",
                    Set.of(
                            "DisplayNames",
                            "ErasableFreeText",
                            "PersonalTexts",
                            "PseudonymousStaffIds",
                            "Pseudonyms",
                            "StaffHistories")),
            entry("readmodel", Set.of("ProcessorPositions", "ReadYourWrites")),
            entry(
                    "security",
                    Set.of(
                            "AccessRefusals",
                            "ApiClientLookup",
                            "ApiKeys",
                            "Caller",
                            "Callers",
                            "CredentialStore",
                            "PageSignIn")),
            entry("upcasting", Set.of("SandboxTestReportedUpcaster")),
            entry("wiki", Set.of("WikiPublicationStatus")));

    @ArchTest
    static final ArchRule roomsNeverGoRoundInACircle =
            slices().matching("org.signoff.api.(*)..").should().beFreeOfCycles();

    /** The settings ({@link ApprovalProperties}) are read by every room, this one too. */
    @ArchTest
    static final ArchRule problemImportsNoRoomAboveIt = noClasses()
            .that()
            .resideInAPackage("org.signoff.api.problem..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.signoff.api..")
                    .and(not(resideInAPackage("org.signoff.api.problem..")))
                    .and(not(type(ApprovalProperties.class))));

    /**
     * The command side's rooms decide and record on the store's own tables, never on what a read model says; what
     * both sides store alike (columns, personal data) is in the storage module below them.
     */
    @ArchTest
    static final ArchRule theCommandSideReadsNoReadModel = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.signoff.api.command..",
                    "org.signoff.api.config..",
                    "org.signoff.api.deadline..",
                    "org.signoff.api.durability..",
                    "org.signoff.api.ledger..",
                    "org.signoff.api.lookup..",
                    "org.signoff.api.privacy..",
                    "org.signoff.api.problem..",
                    "org.signoff.api.security..",
                    "org.signoff.api.webhook..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.signoff.projections..");

    @ArchTest
    static final ArchRule roomsUseEachOtherOnlyThroughTheirPorts =
            classes().that().resideInAPackage("org.signoff.api.*..").should(useOtherRoomsOnlyThroughTheirPorts());

    private static ArchCondition<JavaClass> useOtherRoomsOnlyThroughTheirPorts() {
        return new ArchCondition<>("use another room only through its ports") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String from = roomOf(origin);
                    String to = roomOf(target);
                    if (to == null || to.equals(from) || KIT.contains(to)) {
                        continue;
                    }
                    if (!PORTS.getOrDefault(to, Set.of()).contains(topLevelName(target))) {
                        events.add(SimpleConditionEvent.violated(
                                dependency, dependency.getDescription() + ", which is not a port of " + to + "/"));
                    }
                }
            }
        };
    }

    /** The room a class is in, or null outside the rooms (the application class, the settings, other modules). */
    private static String roomOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(API)) {
            return null;
        }
        String rest = name.substring(API.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String topLevelName(JavaClass type) {
        String name = type.getName().substring(type.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
