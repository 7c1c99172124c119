package dev.autoencoder.tests.models;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.bundled.BundledDigits;
import dev.autoencoder.data.catalog.Classes;
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

    /**
     * The digits as the samples of a new model of {@code family} ({@link ModelZoo#digitsShape}), a conditional model's
     * flattened and followed by their one-hot labels.
     */
    static TrainingData of(Family family) {
        if (family.conditional()) {
            Dataset labelled = Dataset.labeled("digits", PIXELS, new int[] {64}, BundledDigits.load().labels());
            return TrainingData.autoencoding(Classes.withOneHot(labelled, 10).data(), 64 + 10);
        }
        return TrainingData.autoencoding(PIXELS, ModelZoo.digitsShape(family).stream().mapToInt(Integer::intValue).toArray());
    }

    static TrainingData flat() {
        return TrainingData.autoencoding(PIXELS, 64);
    }

    static TrainingData images() {
        return TrainingData.autoencoding(PIXELS, 1, 8, 8);
    }
}
