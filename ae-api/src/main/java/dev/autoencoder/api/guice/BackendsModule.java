package dev.autoencoder.api.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.discovery.BackendCandidate;
import dev.autoencoder.api.discovery.BackendRequest;
import dev.autoencoder.api.discovery.BackendSelection;
import dev.autoencoder.api.discovery.BackendSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs every backend module found by {@link ServiceLoader} (or the ones given) and binds the selected
 * {@link TensorBackend}, chosen by {@link BackendSelector} from the request in force. The choice is logged once.
 */
public final class BackendsModule extends AbstractModule {
    private static final Logger LOG = LoggerFactory.getLogger(BackendsModule.class);

    private final List<BackendModule> modules;
    private final Optional<BackendRequest> request;
    private final BackendSettings settings;

    /** Discovers backends on the classpath; honours {@code explicitName}, then {@code ae.backend}, then {@code AE_BACKEND}. */
    public static BackendsModule discover(String explicitName, BackendSettings settings) {
        return new BackendsModule(discoverModules(), BackendRequest.resolve(explicitName), settings);
    }

    /** Uses exactly the given modules and request (for tests and embedding). */
    public BackendsModule(List<BackendModule> modules, Optional<BackendRequest> request, BackendSettings settings) {
        this.modules = List.copyOf(modules);
        this.request = request;
        this.settings = settings;
    }

    /** Every backend module registered on the classpath. */
    public static List<BackendModule> discoverModules() {
        return ServiceLoader.load(BackendModule.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** What selection sees of each module. */
    public static List<BackendCandidate> candidates(List<BackendModule> modules) {
        return modules.stream().map(m -> new BackendCandidate(m.backendName(), m.priority(), m.isAvailable(),
                m.isAvailable() ? "" : m.unavailableReason())).toList();
    }

    @Override
    protected void configure() {
        bind(BackendSettings.class).toInstance(settings);
        // declared even when no module contributes, so that an empty classpath fails with a clear message
        MapBinder.newMapBinder(binder(), String.class, TensorBackend.class);
        modules.forEach(this::install);
    }

    @Provides
    @Singleton
    BackendSelection selection() {
        BackendSelection selection = BackendSelector.select(candidates(modules), request);
        LOG.info("tensor backend: {} ({})", selection.name(), selection.reason());
        return selection;
    }

    @Provides
    @Singleton
    TensorBackend backend(BackendSelection selection, Map<String, com.google.inject.Provider<TensorBackend>> backends) {
        return backends.get(selection.name()).get();
    }
}
