package dev.autoencoder.tests.conformance;

import java.util.List;

/**
 * Seeded inputs of one check.
 *
 * @param label     what the sample exercises (broadcast, odd shape, stride...)
 * @param args      the inputs
 * @param gradcheck whether central differences apply (false at kinks and ties, where the derivative is not defined)
 */
public record Sample(String label, List<Arg> args, boolean gradcheck) {
    public Sample {
        args = List.copyOf(args);
    }
}
