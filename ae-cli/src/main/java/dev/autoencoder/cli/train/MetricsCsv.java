package dev.autoencoder.cli.train;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.io.AtomicFiles;
import dev.autoencoder.models.train.EpochMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.csv}: one row per epoch ({@code epoch} from 1), every loss term on the training part
 * ({@code train_<term>}) and on the validation split ({@code val_<term>}), the learning rate and the training
 * throughput. Rewritten whole (atomically) after every epoch; read back when a run resumes.
 */
public final class MetricsCsv {
    private static final String TRAIN = "train_";
    private static final String VALIDATION = "val_";

    private MetricsCsv() {
    }

    /** Writes {@code history} to {@code file}; every row has the terms of the first. */
    public static void write(Path file, List<EpochMetrics> history) {
        if (history.isEmpty()) {
            return;
        }
        EpochMetrics first = history.get(0);
        List<String> header = new ArrayList<>(List.of("epoch"));
        first.train().keySet().forEach(t -> header.add(TRAIN + t));
        first.validation().keySet().forEach(t -> header.add(VALIDATION + t));
        header.addAll(List.of("lr", "samples_per_s"));
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (EpochMetrics m : history) {
            csv.append(m.epoch() + 1);
            first.train().keySet().forEach(t -> csv.append(',').append(m.train().get(t)));
            first.validation().keySet().forEach(t -> csv.append(',').append(m.validation().get(t)));
            csv.append(',').append(m.learningRate()).append(',').append(m.samplesPerSecond()).append('\n');
        }
        AtomicFiles.write(file, out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The rows of a file written by {@link #write}; empty when there is no file. */
    public static List<EpochMetrics> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        String[] header = lines.get(0).split(",");
        List<EpochMetrics> rows = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            String[] cells = lines.get(line).split(",");
            if (cells.length != header.length || !header[0].equals("epoch")) {
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
            } else if (header[c].equals("lr")) {
                lr = value;
            } else {
                throughput = value;
            }
        }
        return new EpochMetrics(Integer.parseInt(cells[0]) - 1, train, validation, lr, throughput, false);
    }
}
