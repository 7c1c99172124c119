package dev.autoencoder.api.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code exp}, {@code log1p}, sigmoid and tanh of a whole vector of floats, for the Vector API loops of every backend
 * (pure's arrays, the native backends' buffers), so that one formula gives every backend the same bits. The functions
 * are polynomials evaluated with additions, multiplications, fused multiply-adds and divisions only, which IEEE 754
 * rounds exactly: a lane's result is the same whether the JIT has compiled the loop or not. (The API's own
 * {@code EXP}, {@code LOG1P} and {@code TANH} lanes call the JDK's vector math library once compiled and a Java
 * fallback before, so a run's results would depend on when its loops were compiled, and a resumed run would not repeat
 * an uninterrupted one.) Each is within a few F32 ulps of the F64 function. Only classes loaded after
 * {@link VectorKernels#available} name this one.
 */
public final class VectorMath {
    /** The lanes every loop over these functions uses. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** log2(e): {@code x log2(e)} is the power of two {@code e^x} is. */
    public static final float LOG2_E = 1.44269504088896341f;
    /** ln 2 in two parts: the first has few enough bits that {@code n * LN2_HI} is exact for the {@code n} used here. */
    public static final float LN2_HI = 0.693145751953125f;
    /** The rest of ln 2 after {@link #LN2_HI}. */
    public static final float LN2_LO = 1.42860682030941723212e-6f;
    /** Adding and subtracting it rounds a float below 2^22 in magnitude to the nearest integer. */
    public static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToIntBits(ROUNDER);
    /** {@code exp} underflows to 0 below this; clamping there keeps the exponent arithmetic in range. */
    public static final float EXP_FLOOR = -150f;
    /** {@code 1 / k!} for {@code k = 7, 6, ..., 2}: e^r on |r| <= ln2 / 2 to below an ulp. */
    public static final float E0 = 1f / 5040;
    public static final float E1 = 1f / 720;
    public static final float E2 = 1f / 120;
    public static final float E3 = 1f / 24;
    public static final float E4 = 1f / 6;
    public static final float E5 = 1f / 2;
    /** {@code 1 / (2k + 1)} for {@code k = 4, 3, 2, 1}: atanh(s) / s on |s| <= 0.172. */
    public static final float A0 = 1f / 9;
    public static final float A1 = 1f / 7;
    public static final float A2 = 1f / 5;
    public static final float A3 = 1f / 3;
    /** sqrt(2) - 1: below it log1p(e) is 2 atanh(e / (2 + e)) directly, above it after halving 1 + e. */
    public static final float SQRT2_MINUS_1 = 0.41421356f;
    /** Taylor coefficients of tanh(x) / x in x^2, from x^16 down to x^2: below an ulp for |x| < {@link #TANH_SMALL}. */
    public static final float T0 = 6404582f / 10854718875f;
    public static final float T1 = -929569f / 638512875f;
    public static final float T2 = 21844f / 6081075f;
    public static final float T3 = -1382f / 155925f;
    public static final float T4 = 62f / 2835f;
    public static final float T5 = -17f / 315f;
    public static final float T6 = 2f / 15f;
    public static final float T7 = -1f / 3f;
    /** Above this |x|, tanh is (1 - e) / (1 + e) with e = exp(-2|x|), free of cancellation. */
    public static final float TANH_SMALL = 0.55f;

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

    private VectorMath() {
    }

    /** {@code 1 / (1 + e^-x)}, through {@code e = exp(-|x|)}: {@code 1 / (1 + e)} for {@code x >= 0}, else {@code e / (1 + e)}. */
    public static FloatVector sigmoid(FloatVector v) {
        FloatVector e = exp(v.abs().neg());
        FloatVector onePlusE = e.add(ONE);
        FloatVector ofPositive = ONE.div(onePlusE);
        return ofPositive.blend(e.div(onePlusE), v.compare(VectorOperators.LT, 0f));
    }

    /**
     * {@code tanh(x)}: an odd Taylor polynomial below {@link #TANH_SMALL} in magnitude, else {@code (1 - e) / (1 + e)}
     * with {@code e = exp(-2|x|)}, free of cancellation; the sign of {@code x} applied last.
     */
    public static FloatVector tanh(FloatVector v) {
        FloatVector a = v.abs();
        FloatVector e = exp(a.mul(-2f));
        FloatVector large = ONE.sub(e).div(e.add(ONE));
        FloatVector a2 = a.mul(a);
        FloatVector small = a.mul(tanhSeries(a2).fma(a2, ONE));
        FloatVector magnitude = large.blend(small, a.compare(VectorOperators.LT, TANH_SMALL));
        return magnitude.blend(magnitude.neg(), v.compare(VectorOperators.LT, 0f));
    }

    /**
     * {@code exp(x)} for {@code x <= 0}: {@code x = n ln2 + r} with {@code n} the nearest integer to {@code x / ln2}, a
     * degree-7 Taylor polynomial for {@code e^r}, and {@code 2^n} applied in two halves so that results below the
     * smallest normal float are rounded, not lost.
     */
    public static FloatVector exp(FloatVector x) {
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
    public static FloatVector log1pOfUnit(FloatVector e) {
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
