package dev.autoencoder.models.nn;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import java.util.Objects;

/**
 * Where new parameters come from: the backend and dtype they live in, and the seeded generator they are drawn
 * from, in declaration order. Initialisation follows PyTorch's defaults, uniform in {@code ±1/sqrt(fan_in)} for
 * weights and biases. {@link #shapesOnly()} gives parameters that have a shape and nothing else, so that what a
 * model would allocate can be checked before anything is allocated.
 */
public final class Init {
    private final TensorBackend backend;
    private final DType dtype;
    private final Rng rng;

    /** Parameters on {@code backend} in {@code dtype}, drawn from {@code rng}. */
    public Init(TensorBackend backend, DType dtype, Rng rng) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    private Init() {
        this.backend = null;
        this.dtype = DType.F32;
        this.rng = null;
    }

    /** Placeholders that carry only their shapes: a model built from them allocates nothing and cannot compute. */
    public static Init shapesOnly() {
        return new Init();
    }

    /** The backend new parameters are created on. */
    public TensorBackend backend() {
        return backend;
    }

    /** Their element type. */
    public DType dtype() {
        return dtype;
    }

    /** The generator they are drawn from. */
    public Rng rng() {
        return rng;
    }

    /** A parameter uniform in {@code ±1/sqrt(fanIn)}. */
    public Parameter uniformFanIn(Shape shape, long fanIn) {
        if (backend == null) {
            return new Parameter(new ShapeOnly(shape, dtype));
        }
        double bound = 1.0 / Math.sqrt(fanIn);
        return new Parameter(rng.uniform(backend, shape, dtype, -bound, bound));
    }

    /** A tensor that has a shape and no data. */
    private record ShapeOnly(Shape shape, DType dtype) implements Tensor {
        @Override
        public TensorBackend backend() {
            throw new IllegalStateException("a shape-only placeholder of " + shape + " has no backend");
        }
    }
}
