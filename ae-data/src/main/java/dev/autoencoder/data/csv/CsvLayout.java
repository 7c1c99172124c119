package dev.autoencoder.data.csv;

import dev.autoencoder.data.io.DataSource;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The columns of one CSV file once the header (if any) is known: how many cells a row must have,
 * which one is the label and which ones are features, in order.
 *
 * @param header the header cells, or null when the file has none
 * @param columnCount cells per row
 * @param labelIndex 0-based label column, or -1 when there is none
 * @param featureIndices 0-based feature columns, in output order
 */
record CsvLayout(List<String> header, int columnCount, int labelIndex, int[] featureIndices) {

    /**
     * Resolves the columns that {@code options} choose in a file whose first line (at 1-based
     * {@code line}) has {@code columnCount} cells.
     */
    static CsvLayout resolve(List<String> header, int columnCount, CsvOptions options, DataSource source, long line) {
        int label = options.labelColumn().map(c -> c.resolve(header, columnCount, source, line)).orElse(-1);
        int[] features = options.featureColumns().isEmpty()
                ? IntStream.range(0, columnCount).filter(i -> i != label).toArray()
                : options.featureColumns().stream().mapToInt(c -> c.resolve(header, columnCount, source, line)).toArray();
        for (int feature : features) {
            if (feature == label) {
                throw source.formatError(line, describe(header, feature) + " is chosen as both label and feature");
            }
        }
        if (features.length == 0) {
            throw source.formatError(line, "has no feature columns (only " + columnCount + " column in all)");
        }
        return new CsvLayout(header, columnCount, label, features);
    }

    /** Whether the rows carry a label. */
    boolean hasLabel() {
        return labelIndex >= 0;
    }

    /** "column 3 'name'" (1-based, with the header name when there is one). */
    String describe(int index) {
        return describe(header, index);
    }

    private static String describe(List<String> header, int index) {
        String number = "column " + (index + 1);
        return header == null || index >= header.size() ? number : number + " '" + header.get(index) + "'";
    }
}
