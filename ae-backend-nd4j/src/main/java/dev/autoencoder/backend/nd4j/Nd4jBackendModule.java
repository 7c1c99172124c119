package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.AbstractBackendModule;
import dev.autoencoder.api.guice.BackendSettings;

/**
 * Discovery of the ND4J backend: priority 20 (above pure's 0, below DJL's 30). Availability is checked without
 * loading native code; the natives load when the backend is created.
 */
public final class Nd4jBackendModule extends AbstractBackendModule {
    @Override
    public String backendName() {
        return Nd4jBackend.NAME;
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public boolean isAvailable() {
        return NativeArtifacts.problem().isEmpty();
    }

    @Override
    public String unavailableReason() {
        return NativeArtifacts.problem().orElse("");
    }

    @Override
    protected TensorBackend create(BackendSettings settings) {
        return new Nd4jBackend(settings.threads());
    }
}
