package dev.autoencoder.data.series;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive time steps {@code [start, end)}, e.g. where a detector flags a series or where its labels say
 * it is anomalous.
 *
 * @param start the first step
 * @param end   the step after the last
 */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a span needs 0 <= start < end, got [" + start + ", " + end + ")");
        }
    }

    /** Its steps. */
    public int length() {
        return end - start;
    }

    /** The maximal runs of {@code true} in {@code steps}, in order. */
    public static List<Span> of(boolean[] steps) {
        List<Span> spans = new ArrayList<>();
        for (int t = 0; t < steps.length; t++) {
            if (steps[t]) {
                int start = t;
                while (t + 1 < steps.length && steps[t + 1]) {
                    t++;
                }
                spans.add(new Span(start, t + 1));
            }
        }
        return spans;
    }
}
