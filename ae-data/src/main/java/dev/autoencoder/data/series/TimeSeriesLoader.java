package dev.autoencoder.data.series;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.csv.CsvLoader;
import dev.autoencoder.data.csv.CsvOptions;
import java.nio.file.Path;

/**
 * Loads a time series from the columns of a CSV file (one row per step, in time order) and cuts it
 * into sliding windows. Choose the series columns with {@link CsvOptions#withFeatureColumns} and an
 * optional per-step anomaly label with {@link CsvOptions#withLabelColumn}.
 */
public final class TimeSeriesLoader {
    private final CsvLoader csvLoader = new CsvLoader();

    /**
     * The windows of the series in {@code file}.
     *
     * @throws DataFormatException when the file is malformed or holds fewer rows than one window
     */
    public Dataset load(Path file, CsvOptions options, SlidingWindows windows) {
        Dataset steps = csvLoader.load(file, options);
        if (windows.windowCount(steps.size()) == 0) {
            throw new DataFormatException(file, "has " + steps.size() + " rows, fewer than one window of "
                    + windows.length() + " steps");
        }
        return windows.apply(steps);
    }
}
