package dev.autoencoder.data.transform;

import dev.autoencoder.data.SampleShapes;
import java.util.Arrays;

/**
 * The fitted result of {@link MinMaxScaler} or {@link Standardizer}: {@code y = (x - offset) * scale}
 * for each feature, optionally clamped. Offsets and scales hold either one value for every feature
 * (global) or one per feature of the sample. They are readable, so that a trainer can store them
 * with a model and rebuild the same transform with {@link #of}.
 */
public final class FeatureAffine implements Transform {
    private final float[] offsets;
    private final float[] scales;
    private final float min;
    private final float max;

    private FeatureAffine(float[] offsets, float[] scales, float min, float max) {
        if (offsets.length != scales.length || offsets.length == 0) {
            throw new IllegalArgumentException("offsets and scales need the same non-zero length, got "
                    + offsets.length + " and " + scales.length);
        }
        this.offsets = offsets.clone();
        this.scales = scales.clone();
        this.min = min;
        this.max = max;
    }

    /** An unclamped transform {@code (x - offsets[j]) * scales[j]} (arrays of length 1 apply to all features). */
    public static FeatureAffine of(float[] offsets, float[] scales) {
        return new FeatureAffine(offsets, scales, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
    }

    /** The same transform with results clamped to {@code [lo, hi]}. */
    public FeatureAffine clampedTo(float lo, float hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp range [" + lo + ", " + hi + "] is empty");
        }
        return new FeatureAffine(offsets, scales, lo, hi);
    }

    /** The offsets subtracted (a copy). */
    public float[] offsets() {
        return offsets.clone();
    }

    /** The scales multiplied after subtracting (a copy). */
    public float[] scales() {
        return scales.clone();
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int size = SampleShapes.size(inputShape);
        if (offsets.length != 1 && offsets.length != size) {
            throw new IllegalArgumentException("fitted on samples of " + offsets.length
                    + " features, cannot apply to samples of shape " + Arrays.toString(inputShape));
        }
        return inputShape.clone();
    }

    @Override
    public void transformSample(float[] in, int inOffset, float[] out, int outOffset, int[] inputShape) {
        int size = SampleShapes.size(inputShape);
        boolean global = offsets.length == 1;
        for (int j = 0; j < size; j++) {
            int k = global ? 0 : j;
            float y = (in[inOffset + j] - offsets[k]) * scales[k];
            out[outOffset + j] = Math.min(max, Math.max(min, y));
        }
    }
}
