package dev.autoencoder.tests.conformance;

import java.util.List;

/**
 * Seeded inputs of one check.
 *
 * @param label     what the sample exercises (broadcast, odd shape, stride...)
 * @param args      the inputs
 * @param gradcheck whether central differences apply (false at kinks and ties, where the derivative is not defined)
 * @param relative  whether forward values are compared relatively only ({@link ToleranceTable#relativeOnly}):
 *                  results so small that any absolute bound would accept them whatever their value
 */
public record Sample(String label, List<Arg> args, boolean gradcheck, boolean relative) {
    public Sample {
        args = List.copyOf(args);
    }

    /** A sample compared under the table's tolerances as they are. */
    public Sample(String label, List<Arg> args, boolean gradcheck) {
        this(label, args, gradcheck, false);
    }
}
