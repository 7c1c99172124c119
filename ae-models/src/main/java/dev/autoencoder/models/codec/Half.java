package dev.autoencoder.models.codec;

/**
 * IEEE 754 half-precision conversion (Java 17 has no {@code Float.floatToFloat16}): round to nearest, ties to even,
 * with subnormals, infinities and NaN.
 */
final class Half {
    private static final int FLOAT_EXPONENT_BIAS = 127;
    private static final int HALF_EXPONENT_BIAS = 15;
    private static final int HALF_INFINITY = 0x7c00;

    private Half() {
    }

    /** The half-precision bits nearest to {@code value}. */
    static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = bits >>> 16 & 0x8000;
        int exponent = bits >>> 23 & 0xff;
        int mantissa = bits & 0x7fffff;
        if (exponent == 0xff) {
            return (short) (sign | HALF_INFINITY | (mantissa != 0 ? 0x200 | mantissa >>> 13 : 0));
        }
        int e = exponent - FLOAT_EXPONENT_BIAS + HALF_EXPONENT_BIAS;
        if (e >= 0x1f) {
            return (short) (sign | HALF_INFINITY);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            return (short) (sign | roundShift(mantissa | 0x800000, 14 - e));
        }
        // a carry out of the mantissa correctly increments the exponent (up to infinity)
        return (short) (sign | (e << 10 | mantissa >>> 13) + roundingIncrement(mantissa, 13, mantissa >>> 13));
    }

    /** The float value of half-precision {@code bits} (exact). */
    static float toFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = h >>> 10 & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        return Float.intBitsToFloat(sign | exponent - HALF_EXPONENT_BIAS + FLOAT_EXPONENT_BIAS << 23 | mantissa << 13);
    }

    /** {@code value >> shift}, rounded to nearest, ties to even. */
    private static int roundShift(int value, int shift) {
        int kept = value >>> shift;
        return kept + roundingIncrement(value, shift, kept);
    }

    /** 1 when the bits shifted out of {@code value} round {@code kept} up, else 0. */
    private static int roundingIncrement(int value, int shift, int kept) {
        int rest = value & (1 << shift) - 1;
        int half = 1 << shift - 1;
        return rest > half || rest == half && (kept & 1) != 0 ? 1 : 0;
    }
}
