package dev.autoencoder.models.anomaly;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.series.SlidingWindows;
import dev.autoencoder.models.inference.Inference;
import java.util.stream.IntStream;

/**
 * Anomaly detection on a series, as {@link AnomalyDetector} does it for samples: {@link #fit} on a normal stretch of
 * the series sets one threshold on window scores and one on step scores, both by the same {@link ThresholdRule};
 * {@link #score} gives the {@link SeriesScores} of any series cut the same way, {@link #detect} also what lies above the
 * thresholds.
 */
public final class SeriesDetector {
    private final Inference inference;
    private final SlidingWindows cut;
    private final Threshold windowThreshold;
    private final Threshold stepThreshold;

    private SeriesDetector(Inference inference, SlidingWindows cut, Threshold windowThreshold, Threshold stepThreshold) {
        this.inference = inference;
        this.cut = cut;
        this.windowThreshold = windowThreshold;
        this.stepThreshold = stepThreshold;
    }

    /**
     * A detector whose thresholds {@code rule} sets from the scores of {@code normal} (a series of normal operation,
     * samples of shape {@code {channels}} in time order) cut by {@code cut}.
     *
     * @throws IllegalArgumentException as {@link SeriesScores#of} does
     */
    public static SeriesDetector fit(Inference inference, Dataset normal, SlidingWindows cut, ThresholdRule rule) {
        SeriesScores scores = SeriesScores.of(inference, normal, cut);
        return new SeriesDetector(inference, cut, rule.fit(scores.windows()), rule.fit(scores.steps()));
    }

    /** The scores of {@code series}, cut as the normal series was. */
    public SeriesScores score(Dataset series) {
        return SeriesScores.of(inference, series, cut);
    }

    /**
     * The scores of {@code series} and what lies above the thresholds, its steps numbered from {@code firstStep} (where
     * it starts in a longer series, e.g. the test part after the training part).
     */
    public SeriesDetection detect(Dataset series, int firstStep) {
        SeriesScores scores = score(series);
        int[] starts = IntStream.range(0, scores.windows().length).map(w -> firstStep + cut.windowStart(w)).toArray();
        return new SeriesDetection(scores, firstStep, starts, windowThreshold.flags(scores.windows()), stepThreshold.flags(scores.steps()));
    }

    /** The threshold on window scores. */
    public Threshold windowThreshold() {
        return windowThreshold;
    }

    /** The threshold on step scores. */
    public Threshold stepThreshold() {
        return stepThreshold;
    }

    /** How series are cut into windows. */
    public SlidingWindows cut() {
        return cut;
    }
}
