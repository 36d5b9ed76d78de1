package org.riddance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the design guide, checked on the compiled classes: {@code app} -> {@code ui} and {@code cli} ->
 * {@code engine} -> the core packages -> {@code platform}; no cycles between any two packages; JavaFX only in the
 * wizard; no command ends the JVM itself.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.riddance");
    }

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("org.riddance.app..")
                .layer("faces").definedBy("org.riddance.ui..", "org.riddance.cli..")
                .layer("engine").definedBy("org.riddance.engine..")
                .layer("core").definedBy("org.riddance.catalog..", "org.riddance.detect..", "org.riddance.backup..", "org.riddance.rollup..",
                        "org.riddance.removal..", "org.riddance.protection..", "org.riddance.receipt..",
                        "org.riddance.journal..", "org.riddance.session..", "org.riddance.demo..")
                .layer("platform").definedBy("org.riddance.platform..", "org.riddance.work..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("faces").mayOnlyBeAccessedByLayers("app")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("faces", "app")
                .whereLayer("core").mayOnlyBeAccessedByLayers("engine", "faces", "app")
                .check(main);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.riddance.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void onlyTheWizardTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.riddance.ui..")
                .and().haveNameNotMatching("org\\.riddance\\.app\\.(RiddanceApp|WizardSteps)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(main);
    }

    @Test
    void noCommandEndsTheJvm() {
        noClasses().that().doNotHaveFullyQualifiedName("org.riddance.app.Launcher")
                .should().callMethod(System.class, "exit", int.class)
                .check(main);
    }
}
