package dev.autoencoder.models.train;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.io.AtomicFiles;
import dev.autoencoder.data.io.DataSource;
import dev.autoencoder.data.plot.EpochCurves;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code metrics.csv}: one row per epoch ({@code epoch} from 1), every loss term on the training part
 * ({@code train_<term>}) and on the validation split ({@code val_<term>}), the learning rate ({@code lr}) and the
 * training throughput ({@code samples_per_s}). Numbers are written in Java's shortest exact form. The file is
 * rewritten whole, atomically, after every epoch, so that it is never half-written; it is read back when a run
 * resumes, and for plotting.
 *
 * <p>As a {@link TrainingListener} it logs a run: every epoch is added to the ones it started with and the file is
 * rewritten.
 */
public final class MetricsCsv implements TrainingListener {
    private static final String EPOCH = "epoch";
    private static final String TRAIN = "train_";
    private static final String VALIDATION = "val_";
    private static final String LEARNING_RATE = "lr";
    private static final String THROUGHPUT = "samples_per_s";

    private final Path file;
    private final List<EpochMetrics> history;

    /**
     * A log into {@code file}, which holds {@code earlier} plus every epoch heard of after (nothing is written before
     * the first).
     *
     * @param earlier the epochs before (read back with {@link #read} for a resumed run), or none
     */
    public MetricsCsv(Path file, List<EpochMetrics> earlier) {
        this.file = file;
        this.history = new ArrayList<>(earlier);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        history.add(metrics);
        write(file, history);
    }

    /** Writes {@code history} to {@code file} atomically; every row has the terms of the first. Nothing when empty. */
    public static void write(Path file, List<EpochMetrics> history) {
        if (history.isEmpty()) {
            return;
        }
        EpochMetrics first = history.get(0);
        List<String> header = new ArrayList<>(List.of(EPOCH));
        first.train().keySet().forEach(t -> header.add(TRAIN + t));
        first.validation().keySet().forEach(t -> header.add(VALIDATION + t));
        header.addAll(List.of(LEARNING_RATE, THROUGHPUT));
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (EpochMetrics m : history) {
            csv.append(m.epoch() + 1);
            first.train().keySet().forEach(t -> csv.append(',').append(m.train().get(t)));
            first.validation().keySet().forEach(t -> csv.append(',').append(m.validation().get(t)));
            csv.append(',').append(m.learningRate()).append(',').append(m.samplesPerSecond()).append('\n');
        }
        AtomicFiles.write(file, out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The rows of a file written by {@link #write}; empty when there is no file. ({@link EpochMetrics#improved()} is
     * not in the file and reads back false.)
     *
     * @throws DataFormatException naming the file and line when it is not such a file
     */
    public static List<EpochMetrics> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(DataSource.requireReadableFile(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        String[] header = lines.get(0).split(",");
        List<String> columns = List.of(header);
        if (!header[0].equals(EPOCH) || !columns.contains(LEARNING_RATE) || !columns.contains(THROUGHPUT)
                || !columns.stream().skip(1).allMatch(c -> c.startsWith(TRAIN) || c.startsWith(VALIDATION)
                        || c.equals(LEARNING_RATE) || c.equals(THROUGHPUT))) {
            throw new DataFormatException(file.toString(), file, 1, "is not the header of training metrics (epoch,train_<term>"
                    + "...,val_<term>...,lr,samples_per_s): " + lines.get(0), null);
        }
        List<EpochMetrics> rows = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            String[] cells = lines.get(line).split(",");
            if (cells.length != header.length) {
                throw new DataFormatException(file.toString(), file, line + 1, "is not a metrics row of " + header.length + " cells", null);
            }
            try {
                rows.add(row(header, cells));
            } catch (NumberFormatException e) {
                throw new DataFormatException(file.toString(), file, line + 1, "holds a cell that is not a number", e);
            }
        }
        return rows;
    }

    /**
     * The loss curves of the run whose metrics {@code file} holds, to draw with
     * {@link dev.autoencoder.data.plot.LossCurvePlot}.
     *
     * @throws dev.autoencoder.data.DataNotFoundException when there is no such file
     * @throws DataFormatException when it is not a metrics file or holds no epoch
     */
    public static EpochCurves readCurves(Path file) {
        List<EpochMetrics> history = read(DataSource.requireReadableFile(file));
        if (history.isEmpty()) {
            throw new DataFormatException(file, "holds no epoch of training metrics");
        }
        return new EpochCurves(history.stream().mapToInt(m -> m.epoch() + 1).toArray(), series(history, EpochMetrics::train),
                series(history, EpochMetrics::validation));
    }

    /** Each term of the first epoch's {@code part}, with its value in every epoch. */
    private static Map<String, double[]> series(List<EpochMetrics> history, Function<EpochMetrics, Map<String, Double>> part) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String term : part.apply(history.get(0)).keySet()) {
            series.put(term, history.stream().mapToDouble(m -> part.apply(m).get(term)).toArray());
        }
        return series;
    }

    private static EpochMetrics row(String[] header, String[] cells) {
        Map<String, Double> train = new LinkedHashMap<>();
        Map<String, Double> validation = new LinkedHashMap<>();
        double lr = 0;
        double throughput = 0;
        for (int c = 1; c < header.length; c++) {
            double value = Double.parseDouble(cells[c]);
            if (header[c].startsWith(TRAIN)) {
                train.put(header[c].substring(TRAIN.length()), value);
            } else if (header[c].startsWith(VALIDATION)) {
                validation.put(header[c].substring(VALIDATION.length()), value);
            } else if (header[c].equals(LEARNING_RATE)) {
                lr = value;
            } else {
                throughput = value;
            }
        }
        return new EpochMetrics(Integer.parseInt(cells[0]) - 1, train, validation, lr, throughput, false);
    }
}
