package dev.autoencoder.tests.conformance;

/**
 * One check of one registry entry on one backend, named completely ({@code backend op dtype check [sample]}) so
 * that a report that keeps only the case's name (surefire's XML keeps no container) still says what failed.
 *
 * @param name  the full name
 * @param check the kind of comparison
 * @param run   runs the check; throws {@link AssertionError} (or the backend's exception) when it fails
 */
public record ConformanceCase(String name, Check check, Runnable run) {
}
