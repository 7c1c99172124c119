package dev.autoencoder.tests.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The architecture rules hold on the real code, and each one is proven to bite: run on the fixture tree
 * {@code archfixture} (analysed separately, never mixed with the real classes) it fails, naming the fixture
 * class that breaks it.
 */
class ArchitectureTest {
    private static final ArchitectureRules REAL = new ArchitectureRules("dev.autoencoder", "org.nd4j..", "ai.djl..", "org.bytedeco..");
    private static final ArchitectureRules FIXTURE = new ArchitectureRules("archfixture", "archfixture.engine..");

    private static final JavaClasses REAL_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.autoencoder");
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages("archfixture");

    @TestFactory
    Stream<DynamicTest> realCodeFollowsEveryRule() {
        return REAL.all().stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(REAL_CLASSES)));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleBitesOnItsFixture() {
        return Stream.of(
                bites("engine-free core", ArchitectureRules::engineFreeCore, "archfixture.api.UsesEngine"),
                bites("engine-free core (backend)", ArchitectureRules::engineFreeCore, "archfixture.models.UsesBackend"),
                bites("independent backends", ArchitectureRules::backendsIndependent, "archfixture.backend.second.UsesFirstBackend"),
                bites("backends below models", ArchitectureRules::backendsBelowModels, "archfixture.backend.first.UsesModels"),
                bites("no cycles", ArchitectureRules::noPackageCycles, "archfixture.data.CycleStart"),
                bites("no static mutable state", ArchitectureRules::noStaticMutableState, "archfixture.api.GlobalCounter"),
                bites("no field injection", ArchitectureRules::noFieldInjection, "archfixture.models.FieldInjected"),
                bites("guice confined", ArchitectureRules::guiceConfined, "archfixture.models.UsesGuice"),
                bites("cli on top", ArchitectureRules::cliOnTop, "archfixture.examples.UsesCli"),
                bites("jobs above models", ArchitectureRules::jobsAboveModels, "archfixture.models.family.UsesJob"),
                bites("export above models", ArchitectureRules::exportAboveModels, "archfixture.models.UsesExport"),
                bites("spark above models", ArchitectureRules::sparkAboveModels, "archfixture.data.UsesSpark"),
                bites("engine-free core (spark)", ArchitectureRules::engineFreeCore, "archfixture.spark.UsesBackend"),
                bites("natives serve backends", ArchitectureRules::nativesServeBackends,
                        "archfixture.models.UsesNatives"),
                bites("natives stand alone", ArchitectureRules::nativesStandAlone, "archfixture.natives.UsesApi"));
    }

    private static DynamicTest bites(String name, Function<ArchitectureRules, ArchRule> rule, String offender) {
        return DynamicTest.dynamicTest(name, () -> {
            AssertionError failure = assertThrows(AssertionError.class, () -> rule.apply(FIXTURE).check(FIXTURE_CLASSES));
            assertTrue(failure.getMessage().contains(offender), "rule failed but did not name " + offender + ":\n"
                    + failure.getMessage());
        });
    }
}
