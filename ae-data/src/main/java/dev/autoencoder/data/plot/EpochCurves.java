package dev.autoencoder.data.plot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a training run measured per epoch, for {@link LossCurvePlot}: the epoch numbers, and for every loss term
 * (in order, the total usually last) one value per epoch on the training part and, with a validation split, one on
 * it. The arrays are kept, not copied; a value that is not finite (a diverged epoch) is left out of the drawing.
 *
 * @param epochs     the epoch numbers as a person counts them (from 1), one per value of every series
 * @param train      each term's values on the training part; not empty
 * @param validation each term's values on the validation split: the terms of {@code train}, or empty without a split
 */
public record EpochCurves(int[] epochs, Map<String, double[]> train, Map<String, double[]> validation) {
    /** @throws IllegalArgumentException when there is no epoch or no term, or the series do not match */
    public EpochCurves {
        if (epochs.length == 0 || train.isEmpty()) {
            throw new IllegalArgumentException("loss curves need at least one epoch and one term, got " + epochs.length
                    + " epochs of terms " + train.keySet());
        }
        if (!validation.isEmpty() && !validation.keySet().equals(train.keySet())) {
            throw new IllegalArgumentException("validation terms " + validation.keySet() + " are not the training terms "
                    + train.keySet());
        }
        train = checked(train, epochs.length);
        validation = checked(validation, epochs.length);
    }

    /** An unmodifiable copy of {@code series} in its order, each of {@code length} values. */
    private static Map<String, double[]> checked(Map<String, double[]> series, int length) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        series.forEach((term, values) -> {
            if (values.length != length) {
                throw new IllegalArgumentException("term '" + term + "' has " + values.length + " values for " + length
                        + " epochs");
            }
            copy.put(term, values);
        });
        return Collections.unmodifiableMap(copy);
    }
}
