package dev.autoencoder.data.write;

import dev.autoencoder.data.DataException;
import dev.autoencoder.data.Samples;
import dev.autoencoder.data.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes per-sample results (embeddings, anomaly scores) as CSV: an {@code id} column (the sample's
 * index in its dataset, so results can be joined back after shuffling or splitting), a
 * {@code label} column (empty when unlabeled), a {@code class} column when the dataset has class
 * names, then the values. Numbers use the shortest exact decimal form; files are written atomically.
 */
public final class ResultCsvWriter {

    /**
     * Writes embeddings {@code z0 .. z(dim-1)}: {@code embeddings} holds {@code source.size()} rows of
     * {@code dim} values, row-major, in the order of {@code source}.
     *
     * @return {@code file}
     * @throws DataException when the file cannot be written
     */
    public Path writeEmbeddings(Path file, Samples source, float[] embeddings, int dim) {
        return write(file, source, columns("z", dim), embeddings);
    }

    /**
     * Writes one {@code score} per sample of {@code source} (e.g. a reconstruction error).
     *
     * @return {@code file}
     * @throws DataException when the file cannot be written
     */
    public Path writeScores(Path file, Samples source, float[] scores) {
        return write(file, source, List.of("score"), scores);
    }

    /**
     * Writes {@code valueColumns.size()} values per sample of {@code source}, row-major in
     * {@code values}.
     *
     * @return {@code file}
     * @throws DataException when the file cannot be written
     */
    public Path write(Path file, Samples source, List<String> valueColumns, float[] values) {
        int[] ids = new int[source.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = source.sourceIndex(i);
        }
        return write(file, ids, source.hasLabels() ? source.labels() : null, source.classNames(), valueColumns, values);
    }

    /**
     * Writes one row per id: the id, its label (empty when {@code labels} is null), its class name when
     * {@code classNames} are given, and {@code valueColumns.size()} values from {@code values}, row-major.
     *
     * @return {@code file}
     * @throws DataException when the file cannot be written
     */
    public Path write(Path file, int[] ids, int[] labels, List<String> classNames, List<String> valueColumns, float[] values) {
        int width = valueColumns.size();
        if (width == 0 || values.length != (long) ids.length * width || labels != null && labels.length != ids.length) {
            throw new IllegalArgumentException(values.length + " values are not " + ids.length + " rows of " + width + " columns");
        }
        boolean classes = !classNames.isEmpty();
        return AtomicFiles.write(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            List<String> header = new ArrayList<>(List.of("id", "label"));
            if (classes) {
                header.add("class");
            }
            header.addAll(valueColumns);
            writeLine(writer, header);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < ids.length; i++) {
                line.setLength(0);
                line.append(ids[i]).append(',');
                if (labels != null) {
                    line.append(labels[i]);
                }
                if (classes) {
                    line.append(',').append(labels != null && labels[i] >= 0 && labels[i] < classNames.size()
                            ? quoted(classNames.get(labels[i])) : labels != null ? Integer.toString(labels[i]) : "");
                }
                for (int j = 0; j < width; j++) {
                    line.append(',').append(values[i * width + j]);
                }
                writer.append(line).append('\n');
            }
            writer.flush();
        });
    }

    /** Value column names {@code prefix0 .. prefix(n-1)}. */
    public static List<String> columns(String prefix, int n) {
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            columns.add(prefix + j);
        }
        return columns;
    }

    private static void writeLine(Writer writer, List<String> cells) throws IOException {
        writer.append(String.join(",", cells.stream().map(ResultCsvWriter::quoted).toList())).append('\n');
    }

    /** The cell as CSV: quoted, with doubled quotes, when it holds a comma, a quote or a line break. */
    static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
