package dev.autoencoder.data.catalog;

import dev.autoencoder.data.Samples;
import dev.autoencoder.data.transform.FeatureAffine;
import dev.autoencoder.data.transform.MinMaxScaler;

/**
 * How raw values become [0, 1]: {@code (x - offset) * scale}, clamped, with one pair for every feature or one per
 * feature. Stored with a training run so that later commands scale new data exactly as the training data was.
 *
 * @param offsets subtracted first (one value, or one per feature)
 * @param scales  multiplied after (same length)
 */
public record Scaling(float[] offsets, float[] scales) {
    public Scaling {
        offsets = offsets.clone();
        scales = scales.clone();
    }

    /** Values known to lie in {@code [min, max]} (pixels: 0..16 for the digits, 0..255 for 8-bit images). */
    public static Scaling ofRange(double min, double max) {
        return of(MinMaxScaler.ofRange(min, max));
    }

    /** 8-bit pixels, 0..255 (IDX files and images). */
    public static Scaling ofBytes() {
        return ofRange(0, 255);
    }

    /** Each feature by its own minimum and maximum in {@code train} (the training part only, never the test part). */
    public static Scaling fitPerFeature(Samples train) {
        return of(MinMaxScaler.fitPerFeature(train));
    }

    private static Scaling of(FeatureAffine affine) {
        return new Scaling(affine.offsets(), affine.scales());
    }

    /** Features this scaling was fitted on, or 1 when one range applies to all. */
    public int features() {
        return offsets.length;
    }

    /** The transform, clamped to [0, 1]. */
    public FeatureAffine transform() {
        return unclamped().clampedTo(0f, 1f);
    }

    /**
     * The transform without the clamp, for a time series: its training part lands in [0, 1], and a value outside the
     * training range (a level shift, a spike) keeps its size, which is what anomaly detection looks for.
     */
    public FeatureAffine unclamped() {
        return FeatureAffine.of(offsets, scales);
    }

    @Override
    public float[] offsets() {
        return offsets.clone();
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }
}
