package dev.autoencoder.models.anomaly;

import dev.autoencoder.data.series.Span;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a {@link SeriesDetector} finds in a series: its scores, which windows and steps lie above their thresholds, and
 * the flagged spans, with steps numbered as in the whole series (the scored part starts at {@code firstStep}).
 *
 * @param scores       the window and step scores
 * @param firstStep    the number of the scored part's first step
 * @param windowStarts the number of each window's first step
 * @param windowFlags  whether each window lies above the window threshold
 * @param stepFlags    whether each covered step lies above the step threshold
 */
public record SeriesDetection(SeriesScores scores, int firstStep, int[] windowStarts, boolean[] windowFlags, boolean[] stepFlags) {
    /** The numbers of the covered steps. */
    public int[] stepNumbers() {
        return IntStream.range(firstStep, firstStep + stepFlags.length).toArray();
    }

    /** The runs of flagged steps, numbered as in the whole series. */
    public List<Span> flaggedSpans() {
        return numbered(Span.of(stepFlags));
    }

    /** The runs of steps labelled anomalous, numbered as in the whole series; none without 0/1 labels. */
    public List<Span> labelledSpans() {
        return scores.stepTruth().map(t -> numbered(Span.of(t))).orElse(List.of());
    }

    /** How many windows are flagged. */
    public int flaggedWindows() {
        return count(windowFlags);
    }

    /** How many steps are flagged. */
    public int flaggedSteps() {
        return count(stepFlags);
    }

    private List<Span> numbered(List<Span> spans) {
        return spans.stream().map(s -> new Span(firstStep + s.start(), firstStep + s.end())).toList();
    }

    private static int count(boolean[] flags) {
        return (int) IntStream.range(0, flags.length).filter(i -> flags[i]).count();
    }
}
