package dev.autoencoder.tests.conformance;

import java.util.List;

/**
 * One registry entry: a primitive (with fixed parameters) or a composite, its seeded samples, whether it has a
 * gradient, and the wrong uses it must reject.
 *
 * @param name           unique name, with parameters in brackets ({@code conv2d[s2,p1]})
 * @param primitive      the TensorBackend method it exercises, or the composite's name
 * @param opClass        its tolerance class
 * @param fn             the operation on the tape
 * @param differentiable whether gradients are checked
 * @param samples        inputs to check with
 * @param errors         wrong uses and their exceptions
 */
public record OpSpec(String name, String primitive, OpClass opClass, OpFunction fn, boolean differentiable,
        List<Sample> samples, List<ErrorCase> errors) {
    public OpSpec {
        samples = List.copyOf(samples);
        errors = List.copyOf(errors);
    }

    @Override
    public String toString() {
        return name;
    }
}
