package dev.autoencoder.models.anomaly;

import dev.autoencoder.data.Samples;
import dev.autoencoder.models.family.AnomalyScore;
import dev.autoencoder.models.inference.Inference;

/**
 * Anomaly detection with a trained autoencoder, in the shape PyOD users know: {@link #fit} on normal samples sets
 * the threshold from their scores; {@link #score} gives any sample's score (PyOD's {@code decision_function}),
 * {@link #predict} whether it lies above the threshold. Scores are the model's own ({@link AnomalyScore}); NaN or
 * infinite scores are refused, never ranked.
 */
public final class AnomalyDetector {
    private final Inference inference;
    private final AnomalyScore score;
    private final long seed;
    private final float[] trainingScores;
    private final Threshold threshold;

    private AnomalyDetector(Inference inference, AnomalyScore score, long seed, float[] trainingScores, Threshold threshold) {
        this.inference = inference;
        this.score = score;
        this.seed = seed;
        this.trainingScores = trainingScores;
        this.threshold = threshold;
    }

    /**
     * A detector whose threshold {@code rule} sets from the scores of {@code normal}.
     *
     * @param seed seeds the Monte-Carlo samples of a probabilistic score, the same for every later call
     * @throws IllegalArgumentException when a score is not finite or the model cannot compute {@code score}
     */
    public static AnomalyDetector fit(Inference inference, AnomalyScore score, Samples normal, ThresholdRule rule, long seed) {
        float[] scores = Scores.requireFinite(inference.scores(normal, score, seed));
        return new AnomalyDetector(inference, score, seed, scores, rule.fit(scores));
    }

    /** The score of every sample of {@code x}, higher meaning more anomalous. */
    public float[] score(Samples x) {
        return inference.scores(x, score, seed);
    }

    /** Whether each sample of {@code x} is an anomaly. */
    public boolean[] predict(Samples x) {
        return predict(score(x));
    }

    /**
     * Whether each of {@code scores} (from {@link #score}) is an anomaly.
     *
     * @throws IllegalArgumentException when a score is not finite
     */
    public boolean[] predict(float[] scores) {
        return threshold.flags(scores);
    }

    /** The threshold fitted on the normal samples. */
    public Threshold threshold() {
        return threshold;
    }

    /** The scores of the samples the detector was fitted on. */
    public float[] trainingScores() {
        return trainingScores.clone();
    }

    /** How samples are scored. */
    public AnomalyScore scoring() {
        return score;
    }
}
