package dev.autoencoder.api.kernel;

import dev.autoencoder.api.AdamCoefficients;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link AdamCoefficients.F32}'s formulas on Vector API lanes, in the same operations and order (products and sums
 * rounded separately, never fused; IEEE's square root and division are exact to the rounding), so a lane holds the
 * scalar formula's bits. Loops over arrays and over native buffers share them. Load only where the JVM has the module
 * ({@link VectorKernels}).
 */
public final class VectorAdam {
    private VectorAdam() {
    }

    /** The new first moment, 0 below the normal floats. */
    public static FloatVector firstMoment(FloatVector m, FloatVector g, AdamCoefficients.F32 f) {
        FloatVector m1 = m.mul(f.beta1()).add(g.mul(f.oneMinusBeta1()));
        return m1.blend(0f, m1.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
    }

    /** The new second moment, 0 below the normal floats. */
    public static FloatVector secondMoment(FloatVector v, FloatVector g, AdamCoefficients.F32 f) {
        FloatVector v1 = v.mul(f.beta2()).add(g.mul(g).mul(f.oneMinusBeta2()));
        return v1.blend(0f, v1.compare(VectorOperators.LT, Float.MIN_NORMAL));
    }

    /** The new parameter, given the new moments. */
    public static FloatVector parameter(FloatVector p, FloatVector m1, FloatVector v1, AdamCoefficients.F32 f) {
        return p.sub(m1.div(v1.sqrt().div(f.sqrtBias2()).add(f.eps())).mul(f.stepSize()));
    }
}
