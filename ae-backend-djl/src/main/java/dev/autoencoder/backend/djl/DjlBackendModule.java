package dev.autoencoder.backend.djl;

import ai.djl.Device;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.AbstractBackendModule;
import dev.autoencoder.api.guice.BackendSettings;

/**
 * Discovery of the DJL backend: priority 30 (above nd4j's 20 and pure's 0), available when DJL's PyTorch engine and
 * libtorch for this machine are on the classpath. Checking that reads two small resources; libtorch itself loads
 * only when the backend is created.
 */
public final class DjlBackendModule extends AbstractBackendModule {
    @Override
    public String backendName() {
        return DjlBackend.NAME;
    }

    @Override
    public int priority() {
        return 30;
    }

    @Override
    public boolean isAvailable() {
        return NativePlatform.missing().isEmpty();
    }

    @Override
    public String unavailableReason() {
        return NativePlatform.missing().orElse("");
    }

    @Override
    protected TensorBackend create(BackendSettings settings) {
        return new DjlBackend(settings.threads(), Device.cpu());
    }
}
