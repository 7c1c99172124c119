package dev.autoencoder.data.catalog;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.batch.Splits;
import dev.autoencoder.data.csv.ColumnRef;
import dev.autoencoder.data.csv.CsvLoader;
import dev.autoencoder.data.csv.CsvOptions;
import dev.autoencoder.data.series.SlidingWindows;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog's CSV sources: a table (one sample per row, test part held out by {@link Holdout}) or a time series
 * (one step per row, split in time order so that the future never trains, then cut into windows). Columns are
 * scaled by their range on the training part only, or by a saved scaling, which must have as many features; a
 * table's values are clamped to [0, 1], a series' are not (see {@link Scaling#unclamped()}).
 */
final class CsvSources {
    private static final List<String> SUFFIXES = List.of(".csv", ".tsv", ".txt");

    private CsvSources() {
    }

    /** Whether {@code path} names a CSV file (plain or gzip). */
    static boolean isCsv(Path path) {
        String file = path.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return SUFFIXES.stream().anyMatch(file::endsWith);
    }

    /** A table of samples. */
    static LoadedData table(String name, Path file, DataRequest request, Optional<Scaling> saved) {
        Dataset rows = new CsvLoader().load(file, options(request));
        Splits parts = Holdout.split(rows);
        Scaling scaling = scaling(file, rows, parts, saved);
        return LoadedData.scaled(name, parts.train().toDataset(), parts.test().toDataset(), scaling);
    }

    /** A time series: steps split in time order and scaled per column, with the windows to cut them into. */
    static SeriesData series(String name, Path file, DataRequest request, Optional<Scaling> saved) {
        Dataset steps = new CsvLoader().load(file, options(request));
        SlidingWindows windows = new SlidingWindows(request.window(), request.effectiveStride());
        if (windows.windowCount(steps.size()) == 0) {
            throw new DataFormatException(file, "has " + steps.size() + " rows, fewer than one window of " + request.window() + " steps");
        }
        Splits parts = Splits.inOrder(steps, 0, Holdout.TEST_FRACTION);
        if (windows.windowCount(parts.test().size()) == 0) {
            throw new DataFormatException(file, "has " + steps.size() + " rows; its last " + parts.test().size()
                    + " (the test part) are fewer than one window of " + request.window() + " steps");
        }
        Scaling scaling = scaling(file, steps, parts, saved);
        return new SeriesData(name, scaling.unclamped().apply(parts.train()), scaling.unclamped().apply(parts.test()), windows,
                scaling);
    }

    private static CsvOptions options(DataRequest request) {
        CsvOptions options = CsvOptions.defaults();
        if (request.columns() != null) {
            options = options.withFeatureColumns(request.columns().stream().map(CsvSources::column).toArray(ColumnRef[]::new));
        }
        String label = request.labelColumn();
        return label == null ? options : options.withLabelColumn(column(label));
    }

    /** A column given as a 0-based index or a header name. */
    private static ColumnRef column(String given) {
        return given.matches("-?\\d+") ? ColumnRef.index(Integer.parseInt(given)) : ColumnRef.named(given);
    }

    /** {@code saved}, checked against the columns of {@code rows}, else the range of each column on the training part. */
    private static Scaling scaling(Path file, Dataset rows, Splits parts, Optional<Scaling> saved) {
        if (saved.isEmpty()) {
            return Scaling.fitPerFeature(parts.train());
        }
        Scaling scaling = saved.get();
        if (scaling.features() != 1 && scaling.features() != rows.sampleSize()) {
            throw new DataFormatException(file, "has " + rows.sampleSize() + " feature columns, but the scaling it is read with "
                    + "(its model's training data) has " + scaling.features());
        }
        return scaling;
    }
}
