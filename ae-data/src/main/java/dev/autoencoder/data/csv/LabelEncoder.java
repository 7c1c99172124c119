package dev.autoencoder.data.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the text of a label column into integer labels. When every distinct value is a
 * non-negative integer (written {@code 3} or {@code 3.0}) the labels are those numbers and there
 * are no class names; otherwise the distinct values, sorted, become the class names and each row
 * gets the index of its value.
 */
final class LabelEncoder {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    /** The labels and class names of a finished column. */
    record Encoded(int[] labels, List<String> classNames) {
    }

    /** A provisional id for {@code value}, stable until {@link #finish}. */
    int encode(String value) {
        return ids.computeIfAbsent(value, v -> {
            values.add(v);
            return values.size() - 1;
        });
    }

    /** Rewrites the provisional ids in {@code provisional} into final labels, in place. */
    Encoded finish(int[] provisional) {
        int[] finalIds = new int[values.size()];
        List<String> classNames = numericValues(finalIds) ? List.of() : sortedNames(finalIds);
        for (int i = 0; i < provisional.length; i++) {
            provisional[i] = finalIds[provisional[i]];
        }
        return new Encoded(provisional, classNames);
    }

    private boolean numericValues(int[] finalIds) {
        for (int id = 0; id < values.size(); id++) {
            int number = asLabelNumber(values.get(id));
            if (number < 0) {
                return false;
            }
            finalIds[id] = number;
        }
        return true;
    }

    private List<String> sortedNames(int[] finalIds) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(null);
        Map<String, Integer> sortedIds = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            sortedIds.put(sorted.get(i), i);
        }
        for (int id = 0; id < values.size(); id++) {
            finalIds[id] = sortedIds.get(values.get(id));
        }
        return sorted;
    }

    /** The value as a non-negative integer label, or -1 when it is not one. */
    private static int asLabelNumber(String value) {
        try {
            double d = Double.parseDouble(value);
            boolean integral = d >= 0 && d <= Integer.MAX_VALUE && d == Math.rint(d);
            return integral ? (int) d : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
