package dev.autoencoder.api.kernel;

import dev.autoencoder.api.AdamCoefficients;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AdamSlice} on the Java Vector API ({@link VectorAdam}'s lanes); the floats after the last whole vector take
 * the scalar loop. Only {@link AdamSlice#best} names this class.
 */
final class VectorAdamSlice implements AdamSlice {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final AdamSlice TAIL = AdamSlice.scalar();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    @Override
    public void step(ByteBuffer p, ByteBuffer g, ByteBuffer m, ByteBuffer v, AdamCoefficients.F32 f, int from, int to) {
        int i = from;
        for (int bound = from + SPECIES.loopBound(to - from); i < bound; i += SPECIES.length()) {
            int at = i * Float.BYTES;
            FloatVector gi = FloatVector.fromByteBuffer(SPECIES, g, at, ORDER);
            FloatVector mi = VectorAdam.firstMoment(FloatVector.fromByteBuffer(SPECIES, m, at, ORDER), gi, f);
            FloatVector vi = VectorAdam.secondMoment(FloatVector.fromByteBuffer(SPECIES, v, at, ORDER), gi, f);
            mi.intoByteBuffer(m, at, ORDER);
            vi.intoByteBuffer(v, at, ORDER);
            VectorAdam.parameter(FloatVector.fromByteBuffer(SPECIES, p, at, ORDER), mi, vi, f).intoByteBuffer(p, at, ORDER);
        }
        TAIL.step(p, g, m, v, f, i, to);
    }
}
