package dev.autoencoder.api.guice;

import com.google.inject.Module;

/**
 * The discovery interface of a backend module: a Guice module, registered in
 * {@code META-INF/services/dev.autoencoder.api.guice.BackendModule}, that contributes one entry to the
 * {@code MapBinder<String, TensorBackend>} and never binds {@code TensorBackend} itself, so several backends
 * can share a classpath. Extend {@link AbstractBackendModule} rather than implementing this directly.
 */
public interface BackendModule extends Module {

    /** The name the backend is selected by. */
    String backendName();

    /**
     * The priority used when no backend is named: the available backend with the highest value is chosen.
     * The pure backend has 0, native backends more.
     */
    int priority();

    /** Whether the backend can run here. Must be cheap and must not load native libraries eagerly. */
    boolean isAvailable();

    /** Why {@link #isAvailable()} is false; empty when it is true. */
    default String unavailableReason() {
        return "";
    }
}
