package dev.autoencoder.cli.command;

import com.google.inject.Guice;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.discovery.BackendCandidate;
import dev.autoencoder.api.discovery.BackendRequest;
import dev.autoencoder.api.discovery.BackendSelection;
import dev.autoencoder.api.discovery.BackendSelector;
import dev.autoencoder.api.guice.BackendModule;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.BackendsModule;
import dev.autoencoder.cli.option.BackendOptions;
import dev.autoencoder.cli.option.VerboseOption;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ae backends}: the tensor backends on the classpath, their versions, and which one is selected and why. */
@Command(name = "backends", header = "The tensor backends found, and which one is used.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the tensor backends found on the classpath with their priority, availability and version, and "
                + "say which one a command would use and why (--backend, -D" + BackendRequest.PROPERTY + " or $"
                + BackendRequest.ENVIRONMENT + ", else the highest priority).")
public final class BackendsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private BackendOptions backendOptions;

    @Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<BackendModule> modules = BackendsModule.discoverModules();
        List<BackendCandidate> candidates = BackendsModule.candidates(modules);
        out.println(modules.isEmpty() ? "no backend on the classpath" : "backends on the classpath:");
        out.printf(Locale.ROOT, "  %-8s %-9s %-10s %s%n", "name", "priority", "available", "version");
        for (BackendCandidate c : candidates) {
            out.printf(Locale.ROOT, "  %-8s %-9d %-10s %s%n", c.name(), c.priority(), c.available() ? "yes" : "no",
                    c.available() ? version(modules, c.name()) : "(" + c.unavailableReason() + ")");
        }
        out.flush();
        BackendSelection selection = BackendSelector.select(candidates, BackendRequest.resolve(backendOptions.name()));
        out.println("selected: " + selection.name() + " (" + selection.reason() + ")");
        out.flush();
        return 0;
    }

    /** The version of backend {@code name}, which is created (single-threaded) only to ask it. */
    private static String version(List<BackendModule> modules, String name) {
        try {
            TensorBackend backend = Guice.createInjector(new BackendsModule(modules, Optional.of(new BackendRequest(name, "ae backends")),
                    new BackendSettings(1))).getInstance(TensorBackend.class);
            return backend.version();
        } catch (RuntimeException e) {
            return "(cannot start: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
        }
    }
}
