package dev.autoencoder.backend.pure;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.AbstractBackendModule;
import dev.autoencoder.api.guice.BackendSettings;

/** Discovery of the pure backend: always available, lowest priority (0), so any native backend present wins. */
public final class PureBackendModule extends AbstractBackendModule {
    @Override
    public String backendName() {
        return PureBackend.NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    protected TensorBackend create(BackendSettings settings) {
        return new PureBackend(settings.threads());
    }
}
