package dev.autoencoder.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The module and package rules of DESIGN.md section 2, for a code base rooted at {@code root}. Parameterised
 * so that the same rules run on the real code and on a deliberately bad fixture tree.
 */
final class ArchitectureRules {
    private final String root;
    private final String[] enginePackages;

    /**
     * @param root           the package root ({@code dev.autoencoder})
     * @param enginePackages packages of native engines, e.g. {@code org.nd4j..}
     */
    ArchitectureRules(String root, String... enginePackages) {
        this.root = root;
        this.enginePackages = enginePackages.clone();
    }

    private String p(String sub) {
        return root + "." + sub;
    }

    /** api, models, data, export and Spark never depend on a native engine or on any backend package. */
    ArchRule engineFreeCore() {
        String[] banned = concat(enginePackages, p("backend.."));
        return noClasses().that().resideInAnyPackage(p("api.."), p("models.."), p("data.."), p("onnx.."), p("spark.."))
                .should().dependOnClassesThat().resideInAnyPackage(banned)
                .because("api, models, data, export and Spark are backend-agnostic (executors discover their backend)");
    }

    /** No backend depends on another backend. */
    ArchRule backendsIndependent() {
        return slices().matching(root + ".backend.(*)..").should().notDependOnEachOther()
                .because("backends are picked by what is on the classpath");
    }

    /** No backend depends on models, data or the CLI. */
    ArchRule backendsBelowModels() {
        return noClasses().that().resideInAPackage(p("backend.."))
                .should().dependOnClassesThat().resideInAnyPackage(p("models.."), p("data.."), p("cli.."))
                .because("backends only implement the Tensor SPI");
    }

    /** No package cycles anywhere. */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** No static mutable state in api and models: every static field is final. */
    ArchRule noStaticMutableState() {
        return fields().that().areDeclaredInClassesThat().resideInAnyPackage(p("api.."), p("models.."))
                .and().areStatic().should().beFinal()
                .because("shared code must be safe to use from several models and threads");
    }

    /** Constructor injection only. */
    ArchRule noFieldInjection() {
        return noFields().should().beAnnotatedWith("jakarta.inject.Inject")
                .orShould().beAnnotatedWith("com.google.inject.Inject")
                .because("dependencies are constructor parameters");
    }

    /** Guice appears only in guice packages, backend discovery modules and the CLI. */
    ArchRule guiceConfined() {
        DescribedPredicate<JavaClass> discoveryModule = new DescribedPredicate<>("backend discovery modules") {
            @Override
            public boolean test(JavaClass c) {
                return c.getPackageName().startsWith(p("backend.")) && c.getSimpleName().endsWith("BackendModule");
            }
        };
        return noClasses().that().resideOutsideOfPackages(root + "..guice..", p("cli.."))
                .and(DescribedPredicate.not(discoveryModule))
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .because("model classes use jakarta.inject annotations at most");
    }

    /** The CLI is the top layer: nothing else, examples included, depends on it. */
    ArchRule cliOnTop() {
        return noClasses().that().resideOutsideOfPackage(p("cli..")).and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(p("cli.."))
                .because("every job is a library API that the CLI only calls");
    }

    /** The jobs (inference, anomaly detection, codes, runs, benchmarks) sit above the models they use. */
    ArchRule jobsAboveModels() {
        return noClasses().that().resideInAnyPackage(p("models.nn.."), p("models.family.."), p("models.factory.."),
                p("models.optim.."), p("models.checkpoint.."))
                .should().dependOnClassesThat().resideInAnyPackage(p("models.inference.."), p("models.anomaly.."),
                        p("models.codec.."), p("models.run.."), p("models.bench.."))
                .because("a model answers for itself; the jobs ask it, never the other way");
    }

    /** ONNX export sits above the models and below the CLI: nothing under it (api, data, models, backends) depends on it. */
    ArchRule exportAboveModels() {
        return noClasses().that().resideInAnyPackage(p("api.."), p("data.."), p("models.."), p("backend.."))
                .should().dependOnClassesThat().resideInAPackage(p("onnx.."))
                .because("export is a caller of the models, like the CLI");
    }

    /** Spark sits above the models and data: nothing under it (api, data, models, backends, export) depends on it. */
    ArchRule sparkAboveModels() {
        return noClasses().that().resideInAnyPackage(p("api.."), p("data.."), p("models.."), p("backend.."), p("onnx.."))
                .should().dependOnClassesThat().resideInAPackage(p("spark.."))
                .because("the Spark layer is a caller of the library, like the CLI");
    }

    /** Only the backends change the process settings of the native libraries (the natives module). */
    ArchRule nativesServeBackends() {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackages(p("backend.."), p("natives.."))
                .should().dependOnClassesThat().resideInAPackage(p("natives.."))
                .because("how the C allocator and OpenMP behave is the native backends' business");
    }

    /** The natives module depends on nothing else of ae's: it is a process setting, not a layer. */
    ArchRule nativesStandAlone() {
        return noClasses().that().resideInAPackage(p("natives.."))
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(root + "..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(p("natives..")))))
                .because("the backends on native libraries share it, and it must not tie them to anything else");
    }

    /** Every rule, for running them all. */
    List<ArchRule> all() {
        return List.of(engineFreeCore(), backendsIndependent(), backendsBelowModels(), noPackageCycles(),
                noStaticMutableState(), noFieldInjection(), guiceConfined(), cliOnTop(), jobsAboveModels(), exportAboveModels(),
                sparkAboveModels(), nativesServeBackends(), nativesStandAlone());
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
