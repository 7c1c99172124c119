package dev.autoencoder.cli.option;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.discovery.BackendRequest;
import dev.autoencoder.api.discovery.BackendSelection;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.BackendsModule;
import picocli.CommandLine.Option;

/** {@code --backend} and {@code --threads}: which tensor backend computes, and with how many threads. */
public final class BackendOptions {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "Tensor backend (see 'ae backends'). Default: -D" + BackendRequest.PROPERTY + ", $"
                    + BackendRequest.ENVIRONMENT + ", else the available backend of highest priority.")
    private String name;

    @Option(names = "--threads", paramLabel = "N",
            description = "Compute threads. Default: -D" + BackendSettings.THREADS_PROPERTY + ", else all processors.")
    private Integer threads;

    /**
     * A selected backend and why it was chosen.
     *
     * @param backend   the backend
     * @param selection its name and the reason
     */
    public record Selected(TensorBackend backend, BackendSelection selection) {
    }

    /** The backend the options and the environment ask for, created through Guice. */
    public Selected select() {
        Injector injector = Guice.createInjector(BackendsModule.discover(name, settings()));
        return new Selected(injector.getInstance(TensorBackend.class), injector.getInstance(BackendSelection.class));
    }

    /** The explicitly requested name, or null. */
    public String name() {
        return name;
    }

    /** The backend settings: {@code --threads}, else the environment's. */
    public BackendSettings settings() {
        return threads != null ? new BackendSettings(threads) : BackendSettings.fromEnvironment();
    }
}
