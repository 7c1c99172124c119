package dev.autoencoder.data.csv;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.io.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a numeric CSV file (plain or gzip, UTF-8) into a {@link Dataset} of samples of shape
 * {@code {features}}, with an optional label column.
 *
 * <p>Large files stream: a first pass only counts the non-blank lines, so that the second pass can
 * parse straight into one array of the final size. Memory is one copy of the values (plus a
 * trimming copy only when malformed rows are dropped).
 *
 * <p>Every malformed row (wrong number of cells, a missing, non-numeric, NaN or infinite cell, a
 * missing label) is a {@link DataFormatException} naming the file, the line and the column, unless
 * {@link BadRowPolicy#DROP} asks to leave such rows out. An empty file, or a header with no data
 * rows, is an error too.
 */
public final class CsvLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvLoader.class);
    private static final int BUFFER_SIZE = 1 << 16;

    /** Loads {@code file}; the dataset is named after the file without its extensions. */
    public Dataset load(Path file, CsvOptions options) {
        return load(DataSource.file(file), baseName(file), options);
    }

    /** Loads {@code source} as a dataset called {@code name}. */
    public Dataset load(DataSource source, String name, CsvOptions options) {
        long start = System.nanoTime();
        long lines = countNonBlankLines(source);
        if (lines == 0) {
            throw source.formatError(0, "is empty: no header and no data rows");
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(source.open(), StandardCharsets.UTF_8), BUFFER_SIZE)) {
            Dataset dataset = new CsvParse(source, options, reader).run(name, lines);
            LOG.info("loaded {} from {} in {} ms", dataset, source, (System.nanoTime() - start) / 1_000_000);
            return dataset;
        } catch (IOException e) {
            throw source.readError(e);
        }
    }

    /** The file name without {@code .gz} and then without a {@code .csv}, {@code .tsv} or {@code .txt} extension. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.replaceFirst("\\.(csv|tsv|txt)$", "");
    }

    /** Counts lines (ended by \n, \r or both) holding something other than whitespace. */
    static long countNonBlankLines(DataSource source) {
        long count = 0;
        boolean lineHasContent = false;
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = source.open()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n' || b == '\r') {
                        count += lineHasContent ? 1 : 0;
                        lineHasContent = false;
                    } else if (b != ' ' && b != '\t' && b != '\f' && b != 0x0B) {
                        lineHasContent = true;
                    }
                }
            }
        } catch (IOException e) {
            throw source.readError(e);
        }
        return count + (lineHasContent ? 1 : 0);
    }

    /** The state of one parse: the layout found on the first line, the output arrays and counters. */
    private static final class CsvParse {
        private final DataSource source;
        private final CsvOptions options;
        private final BufferedReader reader;
        private final CsvLineSplitter splitter;
        private final List<String> cells = new ArrayList<>();
        private final LabelEncoder labelEncoder = new LabelEncoder();
        private CsvLayout layout;
        private float[] values;
        private int[] labelIds;
        private int capacity;
        private int rows;
        private long lineNumber;
        private long dropped;
        private String firstDropReason;

        CsvParse(DataSource source, CsvOptions options, BufferedReader reader) {
            this.source = source;
            this.options = options;
            this.reader = reader;
            this.splitter = new CsvLineSplitter(options.delimiter());
        }

        Dataset run(String name, long nonBlankLines) throws IOException {
            String first = nextNonBlankLine();
            splitOrFail(first);
            boolean header = isHeader();
            layout = CsvLayout.resolve(header ? List.copyOf(cells) : null, cells.size(), options, source, lineNumber);
            allocate(nonBlankLines - (header ? 1 : 0));
            if (!header) {
                addRow();
            }
            for (String line = nextNonBlankLine(); line != null; line = nextNonBlankLine()) {
                String problem = splitter.split(line, cells);
                if (problem == null) {
                    addRow();
                } else {
                    reject(problem);
                }
            }
            return finish(name);
        }

        private boolean isHeader() {
            return switch (options.header()) {
                case PRESENT -> true;
                case ABSENT -> {
                    if (options.choosesColumnsByName()) {
                        throw source.formatError(lineNumber, "columns are chosen by name but the header mode is ABSENT");
                    }
                    yield false;
                }
                case AUTO -> options.choosesColumnsByName() || hasNonNumericFeatureCell();
            };
        }

        private boolean hasNonNumericFeatureCell() {
            int labelIndex = -1;
            if (options.labelColumn().orElse(null) instanceof ColumnRef.Indexed indexed) {
                labelIndex = indexed.index() < 0 ? cells.size() + indexed.index() : indexed.index();
            }
            for (int i = 0; i < cells.size(); i++) {
                if (i != labelIndex && !isNumber(cells.get(i))) {
                    return true;
                }
            }
            return false;
        }

        private void allocate(long dataLines) {
            if (dataLines == 0) {
                throw source.formatError(lineNumber, "has a header but no data rows");
            }
            long total = dataLines * layout.featureIndices().length;
            if (total > Integer.MAX_VALUE - 8) {
                throw source.formatError(0, "holds " + total + " values, more than one Java array can hold");
            }
            capacity = (int) dataLines;
            values = new float[(int) total];
            labelIds = layout.hasLabel() ? new int[capacity] : null;
        }

        private void addRow() {
            String problem = parseRow();
            if (problem != null) {
                reject(problem);
                return;
            }
            if (layout.hasLabel()) {
                labelIds[rows] = labelEncoder.encode(cells.get(layout.labelIndex()));
            }
            rows++;
        }

        /** Parses the current cells into row {@code rows}; returns the problem, or null when the row is good. */
        private String parseRow() {
            if (cells.size() != layout.columnCount()) {
                return cells.size() < layout.columnCount()
                        ? layout.describe(cells.size()) + " is missing: the row has " + cells.size()
                                + " cells, the first row " + layout.columnCount()
                        : "the row has " + cells.size() + " cells, more than the " + layout.columnCount()
                                + " of the first row";
            }
            if (rows >= capacity) {
                throw source.formatError(lineNumber, "has more rows than when it was first counted (changed while read?)");
            }
            if (layout.hasLabel() && cells.get(layout.labelIndex()).isEmpty()) {
                return layout.describe(layout.labelIndex()) + ": the label is missing";
            }
            int[] features = layout.featureIndices();
            int base = rows * features.length;
            for (int k = 0; k < features.length; k++) {
                String problem = storeCell(cells.get(features[k]), base + k);
                if (problem != null) {
                    return layout.describe(features[k]) + ": " + problem;
                }
            }
            return null;
        }

        private void reject(String problem) {
            if (options.badRows() == BadRowPolicy.FAIL) {
                throw source.formatError(lineNumber, problem);
            }
            if (dropped++ == 0) {
                firstDropReason = "line " + lineNumber + ": " + problem;
            }
        }

        private Dataset finish(String name) {
            if (dropped > 0) {
                LOG.warn("{}: dropped {} malformed rows (first: {})", source, dropped, firstDropReason);
            }
            if (rows == 0) {
                throw source.formatError(0, "all " + dropped + " data rows are malformed and were dropped (first: "
                        + firstDropReason + ")");
            }
            int featureCount = layout.featureIndices().length;
            float[] data = rows == capacity ? values : Arrays.copyOf(values, rows * featureCount);
            if (!layout.hasLabel()) {
                return Dataset.unlabeled(name, data, featureCount);
            }
            LabelEncoder.Encoded labels = labelEncoder.finish(Arrays.copyOf(labelIds, rows));
            return new Dataset(name, data, new int[] {featureCount}, labels.labels(), labels.classNames());
        }

        private void splitOrFail(String line) {
            String problem = splitter.split(line, cells);
            if (problem != null) {
                throw source.formatError(lineNumber, problem);
            }
        }

        private String nextNonBlankLine() throws IOException {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        }

        /** Parses {@code cell} into {@code values[target]}; returns the problem, or null when it is a finite number. */
        private String storeCell(String cell, int target) {
            if (cell.isEmpty()) {
                return "the value is missing";
            }
            float value;
            try {
                value = Float.parseFloat(cell);
            } catch (NumberFormatException e) {
                return "'" + cell + "' is not a number";
            }
            if (Float.isNaN(value)) {
                return "'" + cell + "' is NaN";
            }
            if (Float.isInfinite(value)) {
                return "'" + cell + "' is infinite or beyond the float range";
            }
            values[target] = value;
            return null;
        }

        private static boolean isNumber(String cell) {
            try {
                Float.parseFloat(cell);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
