package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.Shape;

/**
 * One input of a sample: values in F64 (rounded to F32 when the check runs in F32), and whether the gradient
 * with respect to it is checked.
 *
 * @param shape          the input's shape
 * @param values         row-major values
 * @param differentiable whether gradients flow to it
 */
public record Arg(Shape shape, double[] values, boolean differentiable) {
    public Arg {
        if (values.length != shape.size()) {
            throw new IllegalArgumentException(values.length + " values for shape " + shape);
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return shape + (differentiable ? "" : " (const)");
    }
}
