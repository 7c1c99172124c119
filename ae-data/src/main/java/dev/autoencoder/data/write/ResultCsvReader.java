package dev.autoencoder.data.write;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.csv.CsvLineSplitter;
import dev.autoencoder.data.io.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Reads back what {@link ResultCsvWriter} writes: the {@code id} and {@code label} columns, the optional
 * {@code class} column, then the value columns ({@code z0, z1, ...} of embeddings, the {@code score} of anomaly
 * scores). Every problem (a missing file, another header, a ragged row, a cell that is not a finite number, labels on
 * some rows only, one label with two class names, no rows) is a {@link dev.autoencoder.data.DataFormatException} or
 * {@link dev.autoencoder.data.DataNotFoundException} naming the file and, where it is on one, the line.
 */
public final class ResultCsvReader {
    private static final String ID = "id";
    private static final String LABEL = "label";
    private static final String CLASS = "class";

    /**
     * The rows of a result file.
     *
     * @param ids          each row's {@code id}: the sample's index in its dataset
     * @param valueColumns the names of the value columns
     * @param samples      one sample per row holding its values (shape {@code {valueColumns.size()}}), named after the
     *                     file, labeled when the file has labels, with class names when it has a {@code class} column
     */
    public record Results(int[] ids, List<String> valueColumns, Dataset samples) {
        public Results {
            valueColumns = List.copyOf(valueColumns);
        }
    }

    /** Reads an embeddings file: value columns {@code z0 .. z(d-1)}, at least one. */
    public Results readEmbeddings(Path file) {
        return read(file, "embeddings (z0, z1, ...)",
                columns -> !columns.isEmpty() && IntStream.range(0, columns.size()).allMatch(j -> columns.get(j).equals("z" + j)));
    }

    /** Reads a scores file: one value column, {@code score}. */
    public Results readScores(Path file) {
        return read(file, "scores (score)", columns -> columns.equals(List.of("score")));
    }

    /** Reads a result file with any value columns, at least one. */
    public Results read(Path file) {
        return read(file, "values", columns -> !columns.isEmpty());
    }

    private Results read(Path file, String expected, Predicate<List<String>> valueColumnsFit) {
        DataSource source = DataSource.file(file);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            return new Parse(source, reader).run(expected, valueColumnsFit);
        } catch (IOException e) {
            throw source.readError(e);
        }
    }

    /** The state of one read. */
    private static final class Parse {
        private final DataSource source;
        private final BufferedReader reader;
        private final CsvLineSplitter splitter = new CsvLineSplitter(',');
        private final List<String> cells = new ArrayList<>();
        private final Map<Integer, String> classNames = new HashMap<>();
        private long line;

        Parse(DataSource source, BufferedReader reader) {
            this.source = source;
            this.reader = reader;
        }

        Results run(String expected, Predicate<List<String>> valueColumnsFit) throws IOException {
            if (!next()) {
                throw source.formatError(0, "is empty: expected a header id,label,... and rows of " + expected);
            }
            List<String> header = List.copyOf(cells);
            boolean classes = header.size() > 2 && header.get(2).equals(CLASS);
            int first = classes ? 3 : 2;
            List<String> valueColumns = header.subList(Math.min(first, header.size()), header.size());
            if (header.size() < 2 || !header.get(0).equals(ID) || !header.get(1).equals(LABEL)
                    || !valueColumnsFit.test(valueColumns)) {
                throw source.formatError(line, "is not a result file of " + expected + ": its header is "
                        + String.join(",", header) + ", expected id,label[,class],<values>");
            }
            int width = valueColumns.size();
            List<Integer> ids = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            List<float[]> rows = new ArrayList<>();
            while (next()) {
                if (cells.size() != header.size()) {
                    throw source.formatError(line, "has " + cells.size() + " cells, the header " + header.size());
                }
                int id = integer(0, ID);
                Integer label = cells.get(1).isEmpty() ? null : integer(1, LABEL);
                if (!rows.isEmpty() && (label == null) != (labels.get(0) == null)) {
                    throw source.formatError(line, label == null ? "has no label, but the rows before have one"
                            : "has a label, but the rows before have none");
                }
                if (classes && label != null) {
                    className(label, cells.get(2));
                }
                float[] values = new float[width];
                for (int j = 0; j < width; j++) {
                    values[j] = number(first + j, valueColumns.get(j));
                }
                ids.add(id);
                labels.add(label);
                rows.add(values);
            }
            if (rows.isEmpty()) {
                throw source.formatError(0, "has a header but no rows");
            }
            return results(ids, labels, rows, valueColumns);
        }

        private Results results(List<Integer> ids, List<Integer> labels, List<float[]> rows, List<String> valueColumns) {
            int width = valueColumns.size();
            float[] data = new float[rows.size() * width];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, data, i * width, width);
            }
            String name = source.file().map(f -> f.getFileName().toString().replaceFirst("\\.csv$", "")).orElse(source.description());
            int[] labelArray = labels.get(0) == null ? null : labels.stream().mapToInt(Integer::intValue).toArray();
            List<String> names = new ArrayList<>();
            if (!classNames.isEmpty()) {
                int count = labels.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                for (int label = 0; label < count; label++) {
                    names.add(classNames.getOrDefault(label, Integer.toString(label)));
                }
            }
            return new Results(ids.stream().mapToInt(Integer::intValue).toArray(), valueColumns,
                    new Dataset(name, data, new int[] {width}, labelArray, names));
        }

        /** Moves to the next non-blank line and splits it into {@link #cells}; false at the end. */
        private boolean next() throws IOException {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (!text.isBlank()) {
                    String problem = splitter.split(text, cells);
                    if (problem != null) {
                        throw source.formatError(line, problem);
                    }
                    return true;
                }
            }
            return false;
        }

        private int integer(int cell, String column) {
            try {
                int value = Integer.parseInt(cells.get(cell));
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw source.formatError(line, "column " + column + " holds '" + cells.get(cell) + "', not a non-negative integer");
        }

        private float number(int cell, String column) {
            try {
                float value = Float.parseFloat(cells.get(cell));
                if (Float.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw source.formatError(line, "column " + column + " holds '" + cells.get(cell) + "', not a finite number");
        }

        private void className(int label, String name) {
            String before = classNames.putIfAbsent(label, name);
            if (before != null && !before.equals(name)) {
                throw source.formatError(line, "names label " + label + " '" + name + "', the rows before '" + before + "'");
            }
        }
    }
}
