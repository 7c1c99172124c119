package dev.autoencoder.models.factory;

import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.nn.Init;
import jakarta.inject.Inject;

/** Builds models on the injected backend: the Guice entry point to {@link Models}. */
public final class ModelFactory {
    private final TensorBackend backend;

    @Inject
    public ModelFactory(TensorBackend backend) {
        this.backend = backend;
    }

    /** The model of {@code spec}, F32, with parameters drawn from {@code seed}. */
    public Autoencoder build(ModelSpec spec, long seed) {
        return build(spec, seed, DType.F32);
    }

    /** The model of {@code spec} in {@code dtype}, with parameters drawn from {@code seed}. */
    public Autoencoder build(ModelSpec spec, long seed, DType dtype) {
        return Models.build(spec, new Init(backend, dtype, new Rng(seed)));
    }

    /** The backend models are built on. */
    public TensorBackend backend() {
        return backend;
    }
}
