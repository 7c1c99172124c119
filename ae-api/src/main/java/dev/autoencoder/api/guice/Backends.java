package dev.autoencoder.api.guice;

import com.google.inject.Guice;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.discovery.BackendRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plain factory for users who do not use Guice themselves. */
public final class Backends {
    private Backends() {
    }

    /** The backend chosen by the rules of {@link dev.autoencoder.api.discovery.BackendSelector}. */
    public static TensorBackend select() {
        return select(null, BackendSettings.fromEnvironment());
    }

    /** The backend named {@code name} (or chosen by the rules when null), with the given settings. */
    public static TensorBackend select(String name, BackendSettings settings) {
        return Guice.createInjector(BackendsModule.discover(name, settings)).getInstance(TensorBackend.class);
    }

    /** Every available backend on the classpath, by name in name order (for conformance runs and benchmarks). */
    public static Map<String, TensorBackend> all(BackendSettings settings) {
        List<BackendModule> modules = BackendsModule.discoverModules();
        Map<String, TensorBackend> backends = new LinkedHashMap<>();
        modules.stream().filter(BackendModule::isAvailable).map(BackendModule::backendName).sorted().forEach(name ->
                backends.put(name, Guice.createInjector(new BackendsModule(modules,
                        Optional.of(new BackendRequest(name, "Backends.all")), settings)).getInstance(TensorBackend.class)));
        return backends;
    }
}
