package dev.autoencoder.backend.pure.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SquareSum} on the Java Vector API: sixteen floats at a time widened to two vectors of eight F64 lanes, each
 * squared and added to the lanes, which is the scalar loop's order exactly; the scalar loop took W1's gradient-norm
 * check 0.45-0.65 ms a step. It needs vectors of sixteen floats (AVX-512); elsewhere its constructor refuses and the scalar loop runs. Only
 * {@link MicroKernels} names this class.
 */
final class VectorSquareSum implements SquareSum {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_512;

    /**
     * Refuses a machine whose vectors hold other than sixteen floats (then the scalar loop runs; see MicroKernels). The
     * float species is the product kernel's: a version on 256-bit float vectors took W1's products (on 512-bit ones)
     * from 113 to 61 GFLOP/s in the same JVM.
     */
    VectorSquareSum() {
        if (FLOATS.length() != 2 * LANES) {
            throw new UnsupportedOperationException("vectors of " + FLOATS.length() + " floats");
        }
    }

    @Override
    public double of(float[] x, int from, int to) {
        DoubleVector sum = DoubleVector.zero(DOUBLES);
        int i = from;
        for (int bound = from + FLOATS.loopBound(to - from); i < bound; i += FLOATS.length()) {
            FloatVector f = FloatVector.fromArray(FLOATS, x, i);
            DoubleVector low = (DoubleVector) f.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector high = (DoubleVector) f.convertShape(VectorOperators.F2D, DOUBLES, 1);
            sum = sum.add(low.mul(low)).add(high.mul(high));
        }
        double[] lanes = sum.toArray();
        for (; i < to; i++) {
            double v = x[i];
            lanes[(i - from) % LANES] += v * v;
        }
        return SquareSum.total(lanes);
    }
}
