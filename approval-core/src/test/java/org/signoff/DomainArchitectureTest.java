package org.signoff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain stays plain Axon modelling: no Spring, no web, no persistence. */
class DomainArchitectureTest {

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.signoff");

    @Test
    void domainDependsOnNoFrameworkButAxon() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..", "java.sql..")
                .check(domain);
    }

    @Test
    void messagePackagesDoNotReachIntoAggregates() {
        noClasses()
                .that()
                .resideInAPackage("..api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.signoff.ticket", "org.signoff.catalog", "org.signoff.staff", "org.signoff.client")
                .check(domain);
    }
}
