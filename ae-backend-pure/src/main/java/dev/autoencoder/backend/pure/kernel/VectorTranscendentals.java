package dev.autoencoder.backend.pure.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Transcendentals} on the Java Vector API, seven to twenty times the speed of the scalar loops. The functions are
 * polynomials evaluated with additions, multiplications, fused multiply-adds and divisions only, which IEEE 754 rounds
 * exactly: a lane's result is the same whether the JIT has compiled the loop or not. (The API's own {@code EXP},
 * {@code LOG1P} and {@code TANH} lanes call the JDK's vector math library once compiled and a Java fallback before, so
 * a run's results would depend on when its loops were compiled, and a resumed run would not repeat an uninterrupted
 * one.) Each is within a few F32 ulps of the F64 function. The last partial vector is masked, so every element takes
 * the same arithmetic. Only {@link MicroKernels} names this class.
 */
final class VectorTranscendentals implements Transcendentals {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
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

    static final float LOG2_E = 1.44269504088896341f;
    /** ln 2 in two parts: the first has few enough bits that {@code n * LN2_HI} is exact for the {@code n} used here. */
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.42860682030941723212e-6f;
    /** Adding and subtracting it rounds a float below 2^22 in magnitude to the nearest integer. */
    static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToIntBits(ROUNDER);
    /** {@code exp} underflows to 0 below this; clamping there keeps the exponent arithmetic in range. */
    static final float EXP_FLOOR = -150f;
    /** {@code 1 / k!} for {@code k = 7, 6, ..., 2}: e^r on |r| <= ln2 / 2 to below an ulp. */
    static final float E0 = 1f / 5040;
    static final float E1 = 1f / 720;
    static final float E2 = 1f / 120;
    static final float E3 = 1f / 24;
    static final float E4 = 1f / 6;
    static final float E5 = 1f / 2;
    /** {@code 1 / (2k + 1)} for {@code k = 4, 3, 2, 1}: atanh(s) / s on |s| <= 0.172. */
    static final float A0 = 1f / 9;
    static final float A1 = 1f / 7;
    static final float A2 = 1f / 5;
    static final float A3 = 1f / 3;
    /** sqrt(2) - 1: below it log1p(e) is 2 atanh(e / (2 + e)) directly, above it after halving 1 + e. */
    static final float SQRT2_MINUS_1 = 0.41421356f;
    /** Taylor coefficients of tanh(x) / x in x^2, from x^16 down to x^2: below an ulp for |x| < {@link #TANH_SMALL}. */
    static final float T0 = 6404582f / 10854718875f;
    static final float T1 = -929569f / 638512875f;
    static final float T2 = 21844f / 6081075f;
    static final float T3 = -1382f / 155925f;
    static final float T4 = 62f / 2835f;
    static final float T5 = -17f / 315f;
    static final float T6 = 2f / 15f;
    static final float T7 = -1f / 3f;
    /** Above this |x|, tanh is (1 - e) / (1 + e) with e = exp(-2|x|), free of cancellation. */
    static final float TANH_SMALL = 0.55f;

    /*
     * The constants as vectors, made once: C2 (JDK 17) counts the nodes of every broadcast of a scalar inside a loop
     * against the budget it inlines a method in, and tanh's loop ran over it (1.8 ns an element, against 0.5 now).
     */
    private static final FloatVector ONE = splat(1f);
    private static final FloatVector V_LN2_HI = splat(LN2_HI);
    private static final FloatVector V_LN2_LO = splat(LN2_LO);
    private static final FloatVector V_E0 = splat(E0);
    private static final FloatVector V_E1 = splat(E1);
    private static final FloatVector V_E2 = splat(E2);
    private static final FloatVector V_E3 = splat(E3);
    private static final FloatVector V_E4 = splat(E4);
    private static final FloatVector V_E5 = splat(E5);
    private static final FloatVector V_A0 = splat(A0);
    private static final FloatVector V_A1 = splat(A1);
    private static final FloatVector V_A2 = splat(A2);
    private static final FloatVector V_A3 = splat(A3);
    private static final FloatVector V_T0 = splat(T0);
    private static final FloatVector V_T1 = splat(T1);
    private static final FloatVector V_T2 = splat(T2);
    private static final FloatVector V_T3 = splat(T3);
    private static final FloatVector V_T4 = splat(T4);
    private static final FloatVector V_T5 = splat(T5);
    private static final FloatVector V_T6 = splat(T6);
    private static final FloatVector V_T7 = splat(T7);

    /*
     * Each loop runs whole vectors, without masks (a mask per iteration made sigmoid seven times slower under C2), and
     * computes a vector in a helper called from that one place: a second call for a masked tail left C2 (JDK 17) with
     * more nodes than it inlines, and boxed vectors. The tail goes through a copy padded to one vector instead.
     */

    @Override
    public void sigmoid(float[] x, float[] y, int from, int to) {
        int i = from;
        for (; i <= to - SPECIES.length(); i += SPECIES.length()) {
            sigmoid(FloatVector.fromArray(SPECIES, x, i)).intoArray(y, i);
        }
        if (i < to) {
            padded((xs, ts, ys, f, e) -> sigmoid(xs, ys, f, e), x, null, y, i, to);
        }
    }

    private static FloatVector sigmoid(FloatVector v) {
        FloatVector e = exp(v.abs().neg());
        FloatVector onePlusE = e.add(ONE);
        FloatVector ofPositive = ONE.div(onePlusE);
        return ofPositive.blend(e.div(onePlusE), v.compare(VectorOperators.LT, 0f));
    }

    @Override
    public void tanh(float[] x, float[] y, int from, int to) {
        int i = from;
        for (; i <= to - SPECIES.length(); i += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, i);
            FloatVector a = v.abs();
            FloatVector e = exp(a.mul(-2f));
            FloatVector large = ONE.sub(e).div(e.add(ONE));
            FloatVector a2 = a.mul(a);
            FloatVector small = a.mul(tanhSeries(a2).fma(a2, ONE));
            FloatVector magnitude = large.blend(small, a.compare(VectorOperators.LT, TANH_SMALL));
            magnitude.blend(magnitude.neg(), v.compare(VectorOperators.LT, 0f)).intoArray(y, i);
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
        FloatVector softplus = z.max(0f).add(log1pOfUnit(exp(z.abs().neg())));
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

    /**
     * {@code exp(x)} for {@code x <= 0}: {@code x = n ln2 + r} with {@code n} the nearest integer to {@code x / ln2}, a
     * degree-7 Taylor polynomial for {@code e^r}, and {@code 2^n} applied in two halves so that results below the
     * smallest normal float are rounded, not lost.
     */
    private static FloatVector exp(FloatVector x) {
        FloatVector clamped = x.max(EXP_FLOOR);
        FloatVector shifted = clamped.mul(LOG2_E).add(ROUNDER);
        FloatVector n = shifted.sub(ROUNDER);
        FloatVector r = n.neg().fma(V_LN2_HI, clamped);
        r = n.neg().fma(V_LN2_LO, r);
        FloatVector p = expSeries(r).fma(r, ONE).fma(r, ONE);
        // ROUNDER + n lies in [2^23, 2^24), where a float's bits count in ones: they hold n
        IntVector k = ((IntVector) shifted.viewAsIntegralLanes()).sub(ROUNDER_BITS);
        IntVector half = k.lanewise(VectorOperators.ASHR, 1);
        return p.mul(powerOfTwo(half)).mul(powerOfTwo(k.sub(half)));
    }

    /** {@code 2^k} for {@code -126 <= k <= 127}, from its exponent bits. */
    private static FloatVector powerOfTwo(IntVector k) {
        return (FloatVector) k.add(127).lanewise(VectorOperators.LSHL, 23).viewAsFloatingLanes();
    }

    /**
     * {@code log1p(e)} for {@code 0 <= e <= 1}: {@code 2 atanh(s)} with {@code s = e / (2 + e)} when {@code e} is below
     * sqrt(2) - 1, else {@code ln2 + log1p(f)} with {@code f = (e - 1) / 2}, so that {@code |s| <= 0.172} in both.
     */
    private static FloatVector log1pOfUnit(FloatVector e) {
        VectorMask<Float> large = e.compare(VectorOperators.GT, SQRT2_MINUS_1);
        FloatVector f = e.blend(e.sub(1f).mul(0.5f), large);
        FloatVector s = f.div(f.add(2f));
        FloatVector s2 = s.mul(s);
        FloatVector twoAtanh = s.add(s).mul(atanhSeries(s2).fma(s2, ONE));
        FloatVector zero = FloatVector.zero(SPECIES);
        return zero.blend(V_LN2_LO, large).add(twoAtanh).add(zero.blend(V_LN2_HI, large));
    }

    /*
     * The series by Horner's rule with fused multiply-adds, written out over constants: a loop over an array of
     * coefficients measured three to ten times slower under C2 (JDK 17).
     */

    private static FloatVector expSeries(FloatVector r) {
        return V_E0.fma(r, V_E1).fma(r, V_E2).fma(r, V_E3).fma(r, V_E4).fma(r, V_E5);
    }

    private static FloatVector atanhSeries(FloatVector s2) {
        return V_A0.fma(s2, V_A1).fma(s2, V_A2).fma(s2, V_A3);
    }

    private static FloatVector tanhSeries(FloatVector x2) {
        return V_T0.fma(x2, V_T1).fma(x2, V_T2).fma(x2, V_T3).fma(x2, V_T4).fma(x2, V_T5).fma(x2, V_T6).fma(x2, V_T7);
    }

    private static FloatVector splat(float value) {
        return FloatVector.broadcast(SPECIES, value);
    }
}
