package dev.autoencoder.backend.pure.kernel;

import dev.autoencoder.api.kernel.VectorMath;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Transcendentals} on the Java Vector API, seven to twenty times the speed of the scalar loops: loops over
 * arrays of {@link VectorMath}'s functions, whose lanes do not depend on whether the JIT has compiled them. The last
 * partial vector runs on a padded copy, so every element takes the same arithmetic. Only {@link MicroKernels} names
 * this class.
 */
final class VectorTranscendentals implements Transcendentals {
    private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;
    /** Calls of each function, on {@link #WARM_UP_LENGTH} floats, that {@link #warmUp} makes. */
    private static final int WARM_UP_CALLS = 1000;
    private static final int WARM_UP_LENGTH = 1024;
    private static final AtomicBoolean WARMING = new AtomicBoolean();

    /** The functions; the first instance starts {@link #warmUp} on a daemon thread. */
    VectorTranscendentals() {
        if (WARMING.compareAndSet(false, true)) {
            Thread thread = new Thread(VectorTranscendentals::warmUp, "ae-pure-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Runs each function until C2 has compiled it. Before that a Vector API loop runs interpreted, a hundred times
     * slower than compiled (about 0.7 s of the first hundred calls of a batch of W1's size, measured on JDK 17), and a
     * training step calls each only once or twice; spent on another thread, the time no longer delays the first steps.
     */
    private static void warmUp() {
        Transcendentals functions = new VectorTranscendentals();
        float[] x = new float[WARM_UP_LENGTH];
        float[] t = new float[WARM_UP_LENGTH];
        float[] y = new float[WARM_UP_LENGTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 41 - 20f;
            t[i] = i % 2;
        }
        for (int call = 0; call < WARM_UP_CALLS; call++) {
            functions.sigmoid(x, y, 0, x.length);
            functions.tanh(x, y, 0, x.length);
            functions.bceWithLogits(x, t, y, 0, x.length);
        }
    }

    /*
     * Each loop runs whole vectors, without masks (a mask per iteration made sigmoid seven times slower under C2), and
     * computes a vector in a helper called from that one place: a second call for a masked tail left C2 (JDK 17) with
     * more nodes than it inlines, and boxed vectors. The tail goes through a copy padded to one vector instead.
     */

    @Override
    public void sigmoid(float[] x, float[] y, int from, int to) {
        int i = from;
        for (; i <= to - SPECIES.length(); i += SPECIES.length()) {
            VectorMath.sigmoid(FloatVector.fromArray(SPECIES, x, i)).intoArray(y, i);
        }
        if (i < to) {
            padded((xs, ts, ys, f, e) -> sigmoid(xs, ys, f, e), x, null, y, i, to);
        }
    }

    @Override
    public void tanh(float[] x, float[] y, int from, int to) {
        int i = from;
        for (; i <= to - SPECIES.length(); i += SPECIES.length()) {
            VectorMath.tanh(FloatVector.fromArray(SPECIES, x, i)).intoArray(y, i);
        }
        if (i < to) {
            padded((xs, ts, ys, f, e) -> tanh(xs, ys, f, e), x, null, y, i, to);
        }
    }

    @Override
    public void bceWithLogits(float[] z, float[] t, float[] y, int from, int to) {
        int i = from;
        for (; i <= to - SPECIES.length(); i += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, z, i);
            bceWithLogits(v, FloatVector.fromArray(SPECIES, t, i)).intoArray(y, i);
        }
        if (i < to) {
            padded(this::bceWithLogits, z, t, y, i, to);
        }
    }

    private static FloatVector bceWithLogits(FloatVector z, FloatVector t) {
        FloatVector softplus = z.max(0f).add(VectorMath.log1pOfUnit(VectorMath.exp(z.abs().neg())));
        return softplus.sub(t.mul(z));
    }

    /** A loop over one whole vector. */
    @FunctionalInterface
    private interface Loop {
        void run(float[] x, float[] t, float[] y, int from, int to);
    }

    /** A loop over {@code from..to}, shorter than a vector, run on copies padded with zeros to one vector. */
    private static void padded(Loop loop, float[] x, float[] t, float[] y, int from, int to) {
        float[] xs = new float[SPECIES.length()];
        float[] ts = new float[SPECIES.length()];
        float[] ys = new float[SPECIES.length()];
        System.arraycopy(x, from, xs, 0, to - from);
        if (t != null) {
            System.arraycopy(t, from, ts, 0, to - from);
        }
        loop.run(xs, ts, ys, 0, ys.length);
        System.arraycopy(ys, 0, y, from, to - from);
    }
}
