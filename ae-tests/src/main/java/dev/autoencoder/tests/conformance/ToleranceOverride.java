package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.DType;

/**
 * A tolerance loosened for one operation on one backend and dtype, with the reason written down. An override
 * never hides a difference in semantics; it records a known, understood numerical difference.
 *
 * @param op        operation name as in the registry
 * @param backend   backend name
 * @param dtype     element type
 * @param check     the comparison it applies to
 * @param tolerance the tolerance in force instead of the default
 * @param reason    why the numbers differ
 */
public record ToleranceOverride(String op, String backend, DType dtype, Check check, Tolerance tolerance,
        String reason) {
    public ToleranceOverride {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a tolerance override needs a written reason: " + op + " on " + backend);
        }
    }
}
