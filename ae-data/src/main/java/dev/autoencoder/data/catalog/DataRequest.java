package dev.autoencoder.data.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Which data to load from the {@link DataCatalog}, as stored with a training run (in its {@link DataRecipe}) so that
 * later work on the model defaults to the same data.
 *
 * @param source      {@code digits}, {@code fashion-mnist}, {@code mnist}, or a path (an IDX images file, a CSV
 *                    file, a folder of images, or a folder holding MNIST-like IDX files)
 * @param window      steps per window when a CSV file is a time series, else null
 * @param stride      steps between windows (defaults to the window), else null
 * @param labelColumn the CSV column holding labels (a header name or a 0-based index), else null
 * @param columns     the CSV columns to read as features, in this order (header names or 0-based indices; for a series,
 *                    its channels), else null for every column but the label column
 */
public record DataRequest(String source, Integer window, Integer stride, String labelColumn, List<String> columns) {
    /** The bundled digits, the default data. */
    public static final String DIGITS = "digits";
    /** Fashion-MNIST, found on disk. */
    public static final String FASHION_MNIST = "fashion-mnist";
    /** MNIST, found on disk. */
    public static final String MNIST = "mnist";

    public DataRequest {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a data source is needed: digits, fashion-mnist, mnist or a path");
        }
        requirePositive("window", window);
        requirePositive("stride", stride);
        if (stride != null && window == null) {
            throw new IllegalArgumentException("a stride needs a window (together they cut a time series into windows)");
        }
        if (columns != null && columns.isEmpty()) {
            throw new IllegalArgumentException("a list of CSV columns needs at least one column");
        }
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** Every column of a CSV file but the label column. */
    public DataRequest(String source, Integer window, Integer stride, String labelColumn) {
        this(source, window, stride, labelColumn, null);
    }

    private static void requirePositive(String setting, Integer steps) {
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("the time series " + setting + " must be at least 1 step, got " + steps);
        }
    }

    /** This request with the source as an absolute path when it names an existing file or folder, so it can be saved. */
    public DataRequest absolute() {
        Path path = Path.of(source);
        return !named() && Files.exists(path) && !path.isAbsolute()
                ? new DataRequest(path.toAbsolutePath().normalize().toString(), window, stride, labelColumn, columns) : this;
    }

    /** Whether the source is a dataset's name rather than a path. */
    public boolean named() {
        return Set.of(DIGITS, FASHION_MNIST, MNIST).contains(source.trim());
    }

    /**
     * A short name for folders and titles: the dataset's name, or the file or folder name without {@code .gz}, a
     * data extension or an IDX suffix.
     */
    public String name() {
        Path file = Path.of(source).toAbsolutePath().normalize().getFileName();
        String name = file == null ? source : file.toString();
        return name.replaceFirst("\\.gz$", "").replaceFirst("\\.(csv|tsv|txt)$", "").replaceFirst("-idx\\d-ubyte$", "");
    }

    /** Whether this asks for windows of a CSV time series. */
    public boolean series() {
        return window != null;
    }

    /** The stride in force: the given one, else the window (windows that do not overlap). */
    public int effectiveStride() {
        return stride != null ? stride : window;
    }
}
