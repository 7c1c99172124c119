package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.DType;
import java.util.List;

/**
 * The one table of tolerances of the suite. Defaults are keyed by check, operation class and dtype (starting
 * from PyTorch's and JAX's test defaults); overrides loosen one operation on one backend and dtype, each with
 * its reason.
 */
public final class ToleranceTable {
    private static final Tolerance ELEMENTWISE_F32 = new Tolerance(1.3e-6, 1e-5);
    private static final Tolerance ELEMENTWISE_F64 = new Tolerance(1e-7, 1e-7);
    private static final Tolerance REDUCTION_F32 = new Tolerance(1e-4, 1e-5);
    private static final Tolerance REDUCTION_F64 = new Tolerance(1e-7, 1e-7);
    /** Composites chain several F32 roundings; cancellation (softplus(z) - t z) makes them relative-error prone. */
    private static final Tolerance COMPOSITE_F32 = new Tolerance(1e-5, 1e-5);
    private static final Tolerance GRADIENT_F32 = new Tolerance(1e-3, 1e-4);
    private static final Tolerance GRADIENT_F64 = new Tolerance(1e-5, 1e-7);
    private static final Tolerance GRADCHECK = new Tolerance(1e-3, 1e-5);
    private static final Tolerance MODEL_F32 = new Tolerance(1e-4, 1e-5);
    private static final Tolerance MODEL_F64 = new Tolerance(1e-7, 1e-7);

    /** Central-difference step of the gradient check. */
    public static final double GRADCHECK_EPS = 1e-6;

    private final List<ToleranceOverride> overrides;

    /** The defaults with the given overrides. */
    public ToleranceTable(List<ToleranceOverride> overrides) {
        this.overrides = List.copyOf(overrides);
    }

    /** The project's table: the defaults plus every override in force, each with its reason. */
    public static ToleranceTable standard() {
        return new ToleranceTable(List.of());
    }

    /** The overrides in force. */
    public List<ToleranceOverride> overrides() {
        return overrides;
    }

    /** The tolerance for one comparison. */
    public Tolerance tolerance(Check check, String op, OpClass opClass, String backend, DType dtype) {
        for (ToleranceOverride o : overrides) {
            if (o.check() == check && o.op().equals(op) && o.backend().equals(backend) && o.dtype() == dtype) {
                return o.tolerance();
            }
        }
        return defaultTolerance(check, opClass, dtype);
    }

    /** The default for a check, class and dtype. */
    public static Tolerance defaultTolerance(Check check, OpClass opClass, DType dtype) {
        boolean f32 = dtype == DType.F32;
        return switch (check) {
            case FORWARD -> switch (opClass) {
                case ELEMENTWISE -> f32 ? ELEMENTWISE_F32 : ELEMENTWISE_F64;
                case REDUCTION -> f32 ? REDUCTION_F32 : REDUCTION_F64;
                case COMPOSITE -> f32 ? COMPOSITE_F32 : ELEMENTWISE_F64;
            };
            case GRADIENT -> f32 ? GRADIENT_F32 : GRADIENT_F64;
            case GRADCHECK -> GRADCHECK;
            case MODEL -> f32 ? MODEL_F32 : MODEL_F64;
            case PYTORCH -> throw new IllegalArgumentException("comparisons with PyTorch use the FORWARD, GRADIENT and MODEL tolerances");
            case ERROR -> throw new IllegalArgumentException("error checks compare exception types, not numbers");
        };
    }
}
