package dev.autoencoder.api.discovery;

/**
 * The outcome of backend selection.
 *
 * @param name   the chosen backend
 * @param reason why it was chosen, for the log line and {@code ae backends}
 */
public record BackendSelection(String name, String reason) {
}
