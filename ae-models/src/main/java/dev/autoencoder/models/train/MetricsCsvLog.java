package dev.autoencoder.models.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Appends one CSV row per epoch: {@code epoch, train_<term>..., val_<term>..., lr, samples_per_s}. The header is
 * written with the first row; a resumed run appends to the same file.
 */
public final class MetricsCsvLog implements TrainingListener {
    private final Path file;

    public MetricsCsvLog(Path file) {
        this.file = file;
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        List<String> header = new ArrayList<>(List.of("epoch"));
        List<String> row = new ArrayList<>(List.of(Integer.toString(m.epoch() + 1)));
        m.train().forEach((k, v) -> {
            header.add("train_" + k);
            row.add(number(v));
        });
        m.validation().forEach((k, v) -> {
            header.add("val_" + k);
            row.add(number(v));
        });
        header.addAll(List.of("lr", "samples_per_s"));
        row.addAll(List.of(number(m.learningRate()), number(m.samplesPerSecond())));
        try {
            String lines = (Files.exists(file) ? "" : String.join(",", header) + "\n") + String.join(",", row) + "\n";
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + file, e);
        }
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
