package dev.autoencoder.api.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import dev.autoencoder.api.TensorBackend;

/**
 * Base of a backend's discovery module: adds the backend to the map of backends under its name, created lazily
 * (only if selected) and once per injector, so native libraries load only when they are used.
 */
public abstract class AbstractBackendModule extends AbstractModule implements BackendModule {

    @Override
    protected final void configure() {
        Provider<BackendSettings> settings = getProvider(BackendSettings.class);
        Provider<TensorBackend> backend = () -> create(settings.get());
        MapBinder.newMapBinder(binder(), String.class, TensorBackend.class)
                .addBinding(backendName()).toProvider(backend).in(Singleton.class);
    }

    /** Creates the backend; called at most once per injector, and only when this backend is selected. */
    protected abstract TensorBackend create(BackendSettings settings);
}
