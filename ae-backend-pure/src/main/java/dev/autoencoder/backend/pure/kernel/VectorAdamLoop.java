package dev.autoencoder.backend.pure.kernel;

import dev.autoencoder.api.AdamCoefficients;
import dev.autoencoder.api.kernel.VectorAdam;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AdamLoop} on the Java Vector API ({@link VectorAdam}'s lanes, the same bits as {@link AdamCoefficients.F32}'s
 * formulas), sixteen floats at a time. The scalar loop is bound by its square roots and divisions (W1's step took
 * 1.9 ms); this one by memory. Elements after the last whole vector take the scalar loop. Only {@link MicroKernels}
 * names this class.
 */
final class VectorAdamLoop implements AdamLoop {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final AdamLoop TAIL = AdamLoop.scalar();

    @Override
    public void step(float[] p, float[] g, float[] m, float[] v, AdamCoefficients.F32 f, float[] p1, float[] m1,
            float[] v1, int from, int to) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += SPECIES.length()) {
            FloatVector gi = FloatVector.fromArray(SPECIES, g, i);
            FloatVector mi = VectorAdam.firstMoment(FloatVector.fromArray(SPECIES, m, i), gi, f);
            FloatVector vi = VectorAdam.secondMoment(FloatVector.fromArray(SPECIES, v, i), gi, f);
            mi.intoArray(m1, i);
            vi.intoArray(v1, i);
            VectorAdam.parameter(FloatVector.fromArray(SPECIES, p, i), mi, vi, f).intoArray(p1, i);
        }
        TAIL.step(p, g, m, v, f, p1, m1, v1, i, to);
    }
}
