package dev.autoencoder.backend.pure.kernel;

import dev.autoencoder.api.AdamCoefficients;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AdamLoop} on the Java Vector API: the same operations as {@link AdamCoefficients.F32} in the same order
 * (products and sums rounded separately, never fused; IEEE's square root and division are exact to the rounding),
 * sixteen floats at a time. The scalar loop is bound by its square roots and divisions (W1's step took 1.9 ms); this
 * one by memory. Elements after the last whole vector take the scalar loop. Only {@link MicroKernels} names this class.
 */
final class VectorAdamLoop implements AdamLoop {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final AdamLoop TAIL = AdamLoop.scalar();

    @Override
    public void step(float[] p, float[] g, float[] m, float[] v, AdamCoefficients.F32 f, float[] p1, float[] m1,
            float[] v1, int from, int to) {
        FloatVector zero = FloatVector.zero(SPECIES);
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += SPECIES.length()) {
            FloatVector gi = FloatVector.fromArray(SPECIES, g, i);
            FloatVector mi = FloatVector.fromArray(SPECIES, m, i).mul(f.beta1()).add(gi.mul(f.oneMinusBeta1()));
            mi = mi.blend(zero, mi.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
            FloatVector vi = FloatVector.fromArray(SPECIES, v, i).mul(f.beta2()).add(gi.mul(gi).mul(f.oneMinusBeta2()));
            vi = vi.blend(zero, vi.compare(VectorOperators.LT, Float.MIN_NORMAL));
            mi.intoArray(m1, i);
            vi.intoArray(v1, i);
            FloatVector denominator = vi.sqrt().div(f.sqrtBias2()).add(f.eps());
            FloatVector.fromArray(SPECIES, p, i).sub(mi.div(denominator).mul(f.stepSize())).intoArray(p1, i);
        }
        TAIL.step(p, g, m, v, f, p1, m1, v1, i, to);
    }
}
