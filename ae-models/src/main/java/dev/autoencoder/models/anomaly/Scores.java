package dev.autoencoder.models.anomaly;

/** Checks on anomaly scores before any statistic is computed from them. */
final class Scores {
    private Scores() {
    }

    /**
     * {@code scores}, when every one is finite.
     *
     * @throws IllegalArgumentException naming the first sample whose score is NaN or infinite, or when there are none
     */
    static float[] requireFinite(float[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no anomaly scores: there are no samples");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isFinite(scores[i])) {
                throw new IllegalArgumentException("the anomaly score of sample " + i + " is " + scores[i]
                        + " (the model's output is not finite there); no threshold or metric can be computed");
            }
        }
        return scores;
    }
}
