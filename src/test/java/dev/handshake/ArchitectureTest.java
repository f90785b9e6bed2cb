package dev.handshake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layering of ARCHITECTURE.md true: arrows point down only; GUI and streams stay at the top. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.handshake");
    }

    @Test
    void layersOnlyDependDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("text").definedBy("dev.handshake.text..")
                .layer("syntax").definedBy("dev.handshake.syntax..")
                .layer("nginx").definedBy("dev.handshake.nginx..")
                .layer("lint").definedBy("dev.handshake.lint")
                .layer("rules").definedBy("dev.handshake.lint.rules..")
                .layer("incident").definedBy("dev.handshake.incident..")
                .layer("diff").definedBy("dev.handshake.diff..")
                .layer("io").definedBy("dev.handshake.io..")
                .layer("report").definedBy("dev.handshake.report..")
                .layer("cli").definedBy("dev.handshake.cli..")
                .layer("ui").definedBy("dev.handshake.ui..")
                .layer("launcher").definedBy("dev.handshake")
                .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("incident").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("io").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("diff").mayOnlyBeAccessedByLayers("cli", "ui", "report")
                // lint's registry names the rules; the rules implement lint's interfaces.
                .whereLayer("rules").mayOnlyBeAccessedByLayers("lint", "report", "cli", "ui")
                .whereLayer("lint").mayOnlyBeAccessedByLayers("rules", "report", "cli", "ui")
                .whereLayer("nginx").mayOnlyBeAccessedByLayers("lint", "rules", "incident", "report", "cli", "ui")
                .whereLayer("syntax").mayOnlyBeAccessedByLayers("nginx", "lint", "rules", "incident", "report", "cli", "ui")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void incidentHelpersAreFeaturesOverTheModelForTheFacesOnly() {
        noClasses().that().resideOutsideOfPackages("dev.handshake.incident..", "dev.handshake.cli..", "dev.handshake.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.handshake.incident..")
                .because("the curl check, the log locator and the redactor are features a person asks for at the"
                        + " command line or in the editor; the model and the rules must not grow around them")
                .check(classes);
        noClasses().that().resideInAPackage("dev.handshake.incident..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.handshake.lint..", "dev.handshake.report..",
                        "dev.handshake.io..", "dev.handshake.diff..")
                .because("an incident helper reads the nginx model only: what nginx does, not what a rule says of it")
                .check(classes);
    }

    @Test
    void ruleFamiliesStayApart() {
        noClasses().that().resideInAnyPackage("dev.handshake.lint.rules.directives..", "dev.handshake.lint.rules.includes..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.handshake.lint.rules.sni..",
                        "dev.handshake.lint.rules.verify..")
                .because("how a file is written and what it includes is not about TLS: those rules need the model only")
                .check(classes);
        noClasses().that().resideInAPackage("dev.handshake.lint.rules.sni..")
                .should().dependOnClassesThat().resideInAPackage("dev.handshake.lint.rules.verify..")
                .because("the verify family borrows SNI names from the sni family, never the other way round")
                .check(classes);
        noClasses().that().resideInAPackage("dev.handshake.lint.rules.verify..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.handshake.lint.rules.sni..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("SniNames"))))
                .because("a family's helpers are its own; the names to suggest are the one fact two families share")
                .check(classes);
    }

    @Test
    void textDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("dev.handshake.text..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.handshake.text..", "java..")
                .check(classes);
    }

    @Test
    void recoveryStorageKnowsNoJavaFx() {
        noClasses().that().resideInAPackage("dev.handshake.ui.recovery..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..", "dev.handshake.ui")
                .check(classes);
    }

    @Test
    void onlyTheUiKnowsJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.handshake.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..")
                .check(classes);
    }

    @Test
    void modelAndLogicDoNotUseJackson() {
        noClasses().that().resideInAnyPackage("dev.handshake.text..", "dev.handshake.syntax..",
                        "dev.handshake.nginx..", "dev.handshake.incident..", "dev.handshake.lint..", "dev.handshake.diff..",
                        "dev.handshake.io..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheCliTouchesStandardStreams() {
        // cli.Main.run takes the streams as parameters, so the CLI stays testable; any other class that
        // needs them says why with @AllowedToUseStandardStreams.
        noClasses().that().resideOutsideOfPackages("dev.handshake.cli..")
                .and().areNotAnnotatedWith(AllowedToUseStandardStreams.class)
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @Test
    void nothingOpensANetworkConnection() {
        // A user's config never leaves the machine. The one way out is a rule doc's or a directive's
        // nginx.org link, handed to the desktop's browser through JavaFX's HostServices (HandshakeApp);
        // NoNetworkTest runs the program itself under traps and in a namespace without a network.
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.net.http..", "javax.net..")
                .orShould().dependOnClassesThat().haveNameMatching(
                        "java\\.nio\\.channels\\.(Asynchronous)?(Server)?(Socket|Datagram)Channel")
                .orShould().callMethod(java.net.URL.class, "openConnection")
                .orShould().callMethod(java.net.URL.class, "openStream")
                .because("Handshake works offline: a config never leaves the machine")
                .check(classes);
    }
}
