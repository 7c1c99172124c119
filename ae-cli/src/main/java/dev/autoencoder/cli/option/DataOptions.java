package dev.autoencoder.cli.option;

import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data} and the options that say how to read it. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "SOURCE",
            description = {"digits (bundled 8x8 digits), fashion-mnist, mnist (found in --data's folder, $AE_DATA or "
                    + "/usr/share/datasets), or a path: an IDX images file (labels file beside it used if present), a CSV "
                    + "file, a folder of images (class subfolders give labels), or a folder of MNIST-like IDX files.",
                "Default: the data of the model's training run, else digits."})
    private String source;

    @Option(names = "--window", paramLabel = "STEPS",
            description = "Read a CSV file as a time series (one row per step) cut into windows of this many steps.")
    private Integer window;

    @Option(names = "--stride", paramLabel = "STEPS", description = "Steps between windows. Default: the window.")
    private Integer stride;

    @Option(names = "--label-column", paramLabel = "COLUMN",
            description = "The CSV column holding labels: a header name or a 0-based index.")
    private String labelColumn;

    @Option(names = "--columns", paramLabel = "COLUMNS", split = ",",
            description = "The CSV columns to read (header names or 0-based indices), e.g. sensor0,sensor1; for a series, its "
                    + "channels. Default: every column but the label column.")
    private List<String> columns;

    /**
     * What the options ask for; without {@code --data}, the recipe's data (a trained model's), else the digits.
     *
     * @throws IllegalArgumentException when {@code --window}, {@code --stride}, {@code --label-column} or {@code --columns} come without
     *                                  {@code --data}, which they describe
     */
    public DataRequest request(Optional<DataRecipe> recipe) {
        if (source == null) {
            if (window != null || stride != null || labelColumn != null || columns != null) {
                throw new IllegalArgumentException("--window, --stride, --label-column and --columns say how to read --data: give --data too");
            }
            return recipe.map(DataRecipe::data).orElseGet(() -> new DataRequest(DataRequest.DIGITS, null, null, null));
        }
        return new DataRequest(source, window, stride, labelColumn, columns).absolute();
    }
}
