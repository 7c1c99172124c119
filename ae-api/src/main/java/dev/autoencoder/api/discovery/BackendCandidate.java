package dev.autoencoder.api.discovery;

/**
 * What selection needs to know of one backend found on the classpath.
 *
 * @param name        the backend's selection name
 * @param priority    higher wins when no backend is named explicitly
 * @param available   whether it can run here (natives present, platform supported)
 * @param unavailableReason why not, when it cannot; empty otherwise
 */
public record BackendCandidate(String name, int priority, boolean available, String unavailableReason) {
}
