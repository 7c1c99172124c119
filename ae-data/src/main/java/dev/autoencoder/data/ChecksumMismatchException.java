package dev.autoencoder.data;

import java.nio.file.Path;

/**
 * A downloaded file does not have the SHA-256 digest it was published with. The downloaded bytes
 * are discarded before this is thrown, so a corrupt or tampered download is never used.
 */
public class ChecksumMismatchException extends DataException {
    private static final long serialVersionUID = 1L;

    /** The published digest. */
    private final String expected;
    /** The digest of the discarded download. */
    private final String actual;

    /** The download meant for {@code file} (discarded) hashed to {@code actual} instead of {@code expected}. */
    public ChecksumMismatchException(Path file, String expected, String actual) {
        super(file, "SHA-256 mismatch: expected " + expected + " but the download hashes to " + actual
                + " (the download was discarded)");
        this.expected = expected;
        this.actual = actual;
    }

    /** The published SHA-256 digest, lower-case hex. */
    public String expected() {
        return expected;
    }

    /** The digest of what was downloaded, lower-case hex. */
    public String actual() {
        return actual;
    }
}
