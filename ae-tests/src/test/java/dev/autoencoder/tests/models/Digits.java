package dev.autoencoder.tests.models;

import dev.autoencoder.data.bundled.BundledDigits;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.train.TrainingData;

/** The bundled 8x8 digits scaled to [0, 1], as training data for MLPs ({@code [64]}), 2-D convolutions
 * ({@code [1, 8, 8]}) or sequence models ({@code [8, 8]}). */
final class Digits {
    private static final float[] PIXELS = scaled();

    private Digits() {
    }

    private static float[] scaled() {
        float[] raw = BundledDigits.load().data();
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] / BundledDigits.MAX_PIXEL;
        }
        return out;
    }

    /** The digits as the samples of a new model of {@code family} ({@link ModelZoo#digitsShape}). */
    static TrainingData of(Family family) {
        return TrainingData.autoencoding(PIXELS, ModelZoo.digitsShape(family).stream().mapToInt(Integer::intValue).toArray());
    }

    static TrainingData flat() {
        return TrainingData.autoencoding(PIXELS, 64);
    }

    static TrainingData images() {
        return TrainingData.autoencoding(PIXELS, 1, 8, 8);
    }
}
