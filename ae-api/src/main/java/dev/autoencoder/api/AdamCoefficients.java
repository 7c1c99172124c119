package dev.autoencoder.api;

/**
 * The scalars of one Adam step, as PyTorch computes it: {@code m' = beta1 m + (1 - beta1) g},
 * {@code v' = beta2 v + (1 - beta2) g^2}, {@code p' = p - stepSize m' / (sqrt(v') / sqrtBias2 + eps)}.
 *
 * @param beta1     decay of the first moment
 * @param beta2     decay of the second moment
 * @param eps       added to the denominator
 * @param stepSize  {@code lr / (1 - beta1^t)} at step {@code t}
 * @param sqrtBias2 {@code sqrt(1 - beta2^t)} at step {@code t}
 */
public record AdamCoefficients(double beta1, double beta2, double eps, double stepSize, double sqrtBias2) {
    /** The coefficients of step {@code t} (1 on the first step) with learning rate {@code lr}. */
    public static AdamCoefficients atStep(double lr, double beta1, double beta2, double eps, long t) {
        return new AdamCoefficients(beta1, beta2, eps, lr / (1 - Math.pow(beta1, t)), Math.sqrt(1 - Math.pow(beta2, t)));
    }

    /** The coefficients rounded to F32, as an F32 kernel uses them. */
    public F32 inF32() {
        return new F32((float) beta1, (float) beta2, (float) (1 - beta1), (float) (1 - beta2), (float) eps, (float) stepSize,
                (float) sqrtBias2);
    }

    /**
     * One Adam step's scalars in F32: {@code m' = beta1 m + oneMinusBeta1 g}, {@code v' = beta2 v + oneMinusBeta2 g^2},
     * {@code p' = p - m' / (sqrt(v') / sqrtBias2 + eps) * stepSize}, each operation rounded to F32, and a moment below
     * the normal floats stored as 0.
     *
     * <p>The flush is the one departure from PyTorch's arithmetic. The first moment of a weight whose gradient stays 0
     * (a dead unit, an input pixel that is always blank) decays by {@code beta1} every step and reaches the subnormal
     * floats after some 800 steps; arithmetic on them takes a microcode assist on x86, and W1's Adam step measured
     * 1.2 ms with none and 8 ms with a tenth of its moments subnormal. A subnormal moment moves no parameter of
     * normal magnitude: the step is at most {@code 1.2e-38 / eps * stepSize}.
     *
     * @param beta1         decay of the first moment
     * @param beta2         decay of the second moment
     * @param oneMinusBeta1 {@code 1 - beta1}, rounded once
     * @param oneMinusBeta2 {@code 1 - beta2}, rounded once
     * @param eps           added to the denominator
     * @param stepSize      {@code lr / (1 - beta1^t)}
     * @param sqrtBias2     {@code sqrt(1 - beta2^t)}
     */
    public record F32(float beta1, float beta2, float oneMinusBeta1, float oneMinusBeta2, float eps, float stepSize,
            float sqrtBias2) {

        /** The new first moment {@code m'} of a gradient {@code g}. */
        public float firstMoment(float m, float g) {
            float m1 = m * beta1 + g * oneMinusBeta1;
            return Math.abs(m1) < Float.MIN_NORMAL ? 0f : m1;
        }

        /** The new second moment {@code v'} of a gradient {@code g}. */
        public float secondMoment(float v, float g) {
            float v1 = v * beta2 + g * g * oneMinusBeta2;
            return v1 < Float.MIN_NORMAL ? 0f : v1;
        }

        /** The new parameter {@code p'}, given the new moments. */
        public float parameter(float p, float m1, float v1) {
            return p - m1 / ((float) Math.sqrt(v1) / sqrtBias2 + eps) * stepSize;
        }
    }
}
