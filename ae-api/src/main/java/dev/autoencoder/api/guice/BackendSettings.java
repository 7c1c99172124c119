package dev.autoencoder.api.guice;

import dev.autoencoder.api.InvalidArgumentException;

/**
 * Settings every backend honours.
 *
 * @param threads compute threads, at least 1
 */
public record BackendSettings(int threads) {
    /** System property for the thread count. */
    public static final String THREADS_PROPERTY = "ae.threads";

    public BackendSettings {
        if (threads < 1) {
            throw new InvalidArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Threads from {@value #THREADS_PROPERTY}, else the number of available processors. */
    public static BackendSettings fromEnvironment() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            return new BackendSettings(Runtime.getRuntime().availableProcessors());
        }
        try {
            return new BackendSettings(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException(THREADS_PROPERTY + " must be a whole number, got '" + value + "'");
        }
    }
}
