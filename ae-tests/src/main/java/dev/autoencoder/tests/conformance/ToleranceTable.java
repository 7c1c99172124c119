package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.DType;
import java.util.List;

/**
 * The one table of tolerances of the suite. Defaults are keyed by check, operation class and dtype; overrides
 * loosen one operation on one backend and dtype, each with its reason.
 *
 * <p>F32 entries start from PyTorch's and JAX's test defaults. F64 entries are set from what F64 rounding allows
 * when a backend is compared with the pure F64 oracle on the registry's samples (inputs of magnitude about 1,
 * at most 70 terms per sum): each comment gives the worst difference measured on pure, nd4j and djl (pure is
 * bit-identical to the oracle: 0) and the bound sits 10-100 times above it. {@code target/conformance-summary.txt}
 * and {@code target/model-conformance-summary.txt} list the worst differences of every run, so a change that
 * eats the margin shows there before it fails. A backend that computes "F64" in F32 (relative error up to
 * 6e-8) fails every F64 entry by five orders of magnitude or more.
 */
public final class ToleranceTable {
    private static final Tolerance ELEMENTWISE_F32 = new Tolerance(1.3e-6, 1e-5);
    /**
     * One correctly rounded operation, or a libm function within an ulp or two, per element: measured worst
     * 2.2e-16 relative (1 ulp; nd4j and djl, sigmoid and log1p), so rtol 1e-14 (45 ulps). No absolute part but
     * the smallest normal number: elementwise functions are relatively accurate down to the smallest result
     * (sigmoid(-60) = 8.8e-27 is checked like sigmoid(0)), and exact zeros must come out exactly.
     */
    private static final Tolerance ELEMENTWISE_F64 = new Tolerance(1e-14, Double.MIN_NORMAL);
    private static final Tolerance REDUCTION_F32 = new Tolerance(1e-4, 1e-5);
    /**
     * Sums of up to 70 products (matmul 33x70x65, convolutions of 27 terms, sums of 60): another summation
     * order (blocking, SIMD lanes, threads) moves a result by a few ulps of the terms' magnitude, not of the
     * result's, so the bound is absolute where terms cancel. Measured worst 3.6e-15 absolute (nd4j and djl,
     * matmul blocked sizes; 4.6e-13 relative at a result of 0.008 that cancelled), so atol 1e-13 (28x) and
     * rtol 1e-13 for large results.
     */
    private static final Tolerance REDUCTION_F64 = new Tolerance(1e-13, 1e-13);
    /** Composites chain several F32 roundings; cancellation (softplus(z) - t z) makes them relative-error prone. */
    private static final Tolerance COMPOSITE_F32 = new Tolerance(1e-5, 1e-5);
    /**
     * A chain of a few roundings with cancellation (softplus(z) - t z, p - lr m / (sqrt(v) + eps)): measured
     * worst 4.4e-16 absolute (nd4j, adamStep; 2.7e-13 relative at a parameter of 0.0016 that cancelled), so
     * atol 1e-14 (22x) and rtol 1e-13 (the worst relative difference away from cancellation is 4e-16).
     */
    private static final Tolerance COMPOSITE_F64 = new Tolerance(1e-13, 1e-14);
    private static final Tolerance GRADIENT_F32 = new Tolerance(1e-3, 1e-4);
    /**
     * The tape's vector-Jacobian products of elementwise functions: a product or two of forward values, with
     * cancellation in 1 - y^2 (tanh) and y (1 - y) (sigmoid) where |y| nears 1, which turns an ulp of y into a
     * larger relative error of the gradient. Measured worst 8.9e-16 absolute, 1.6e-14 relative (nd4j, tanh at
     * |x| near 3, where 1 - y^2 = 0.01), so atol 1e-14 (11x) and rtol 1e-14.
     */
    private static final Tolerance GRADIENT_ELEMENTWISE_F64 = new Tolerance(1e-14, 1e-14);
    /**
     * Gradients of sums, products and convolutions are sums of the same length as the forward ones (in the
     * transposed order): measured worst 4.4e-15 absolute (djl, matmul blocked sizes; 1.6e-12 relative where a
     * gradient cancelled), so the bound of {@link #REDUCTION_F64}: atol 1e-13 (22x), rtol 1e-13. Model-level
     * parameter gradients use it too: measured worst 8.9e-15 absolute (nd4j, ae), 11x below it.
     */
    private static final Tolerance GRADIENT_REDUCTION_F64 = REDUCTION_F64;
    /**
     * The gradients of composites chain the rules of their elementwise steps: measured 0 on every backend (their
     * steps are correctly rounded products and sums of identical forward values), so the bound of the forward
     * composite, {@link #COMPOSITE_F64}, by the same count of roundings.
     */
    private static final Tolerance GRADIENT_COMPOSITE_F64 = COMPOSITE_F64;
    /**
     * Central differences with step 1e-6 in F64: truncation error (eps^2 / 6 times the third derivative, about
     * 1e-12) plus rounding (u |f| / eps, about 1e-10 |f|) per coordinate. Measured worst 5.4e-8 absolute at the
     * op level (pure, conv2d) and 1.5e-7 at the model level (nd4j and pure, conv-ae: larger losses), so atol
     * 3e-6 (20x the model's) and rtol 1e-4 (from 1e-5 and 1e-3, of which the model level used at most 1%).
     */
    private static final Tolerance GRADCHECK = new Tolerance(1e-4, 3e-6);
    private static final Tolerance MODEL_F32 = new Tolerance(1e-4, 1e-5);
    /**
     * A whole model (several layers, losses summed over the batch, five Adam steps): measured worst 2.4e-14
     * relative (nd4j, vae, a bias after five Adam steps) and 5.7e-14 absolute (djl, conv-ae, the reconstruction
     * term, a sum of 256 terms), so rtol 1e-12 (42x) and atol 1e-13 for values near 0.
     */
    private static final Tolerance MODEL_F64 = new Tolerance(1e-12, 1e-13);

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

    /**
     * {@code t} without its absolute part, for samples whose results are far below any absolute bound
     * ({@link Sample#relative()}: sigmoid(-60) = 8.8e-27, softplus(-40) = 4.2e-18, Adam's moments in the
     * eps-dominated regime), which an absolute bound would accept whatever their value. Forward values only:
     * a gradient such as sigmoid's y (1 - y) near y = 1 is only as accurate as y, absolutely.
     */
    public static Tolerance relativeOnly(Tolerance t) {
        return new Tolerance(t.rtol(), 0);
    }

    /** The default for a check, class and dtype. */
    public static Tolerance defaultTolerance(Check check, OpClass opClass, DType dtype) {
        boolean f32 = dtype == DType.F32;
        return switch (check) {
            case FORWARD -> switch (opClass) {
                case ELEMENTWISE -> f32 ? ELEMENTWISE_F32 : ELEMENTWISE_F64;
                case REDUCTION -> f32 ? REDUCTION_F32 : REDUCTION_F64;
                case COMPOSITE -> f32 ? COMPOSITE_F32 : COMPOSITE_F64;
            };
            case GRADIENT -> f32 ? GRADIENT_F32 : switch (opClass) {
                case ELEMENTWISE -> GRADIENT_ELEMENTWISE_F64;
                case REDUCTION -> GRADIENT_REDUCTION_F64;
                case COMPOSITE -> GRADIENT_COMPOSITE_F64;
            };
            case GRADCHECK -> GRADCHECK;
            case MODEL -> f32 ? MODEL_F32 : MODEL_F64;
            case PYTORCH -> throw new IllegalArgumentException("comparisons with PyTorch use the FORWARD, GRADIENT and MODEL tolerances");
            case ERROR -> throw new IllegalArgumentException("error checks compare exception types, not numbers");
        };
    }
}
