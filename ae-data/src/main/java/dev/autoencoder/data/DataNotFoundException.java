package dev.autoencoder.data;

import java.nio.file.Path;

/**
 * Expected data is not where it should be: a missing file, a directory where a file is expected
 * (or the reverse), a folder with no images, a dataset found in none of the places searched.
 */
public class DataNotFoundException extends DataException {
    private static final long serialVersionUID = 1L;

    /** {@code file} (or folder) is missing or of the wrong kind; {@code problem} says which. */
    public DataNotFoundException(Path file, String problem) {
        super(file, problem);
    }

    /** A named thing (a dataset, a resource) that is not a single file could not be found. */
    public DataNotFoundException(String source, String problem) {
        super(source, null, problem, null);
    }
}
