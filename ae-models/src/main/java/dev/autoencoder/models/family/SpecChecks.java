package dev.autoencoder.models.family;

import dev.autoencoder.models.nn.Activation;
import java.util.List;

/** The checks the spec records share; each message names the family or setting and the value that is wrong. */
final class SpecChecks {
    private SpecChecks() {
    }

    /** A copy of an MLP's input shape {@code [features]}. */
    static List<Integer> flatInput(Family family, List<Integer> shape) {
        List<Integer> copy = sizes("input shape", shape);
        if (copy.size() != 1) {
            throw new IllegalArgumentException(family.id() + " needs [features] input, got " + shape);
        }
        return copy;
    }

    /**
     * A copy of a sequence model's input shape, windows of a series: {@code [steps, channels]} for lstm-ae,
     * {@code [channels, steps]} for conv1d-ae ({@code layout} says which, for the message).
     */
    static List<Integer> seriesInput(Family family, List<Integer> shape, String layout) {
        List<Integer> copy = sizes("input shape", shape);
        if (copy.size() != 2) {
            throw new IllegalArgumentException(family.id() + " needs windows of a series, samples of shape " + layout + ", got "
                    + shape);
        }
        return copy;
    }

    /**
     * A copy of a 1-D convolutional model's input shape {@code [channels, steps]}, with steps that each stride-2
     * convolution (one per entry of {@code channels}) halves exactly.
     */
    static List<Integer> windowInput(Family family, List<Integer> shape, List<Integer> channels) {
        List<Integer> copy = seriesInput(family, shape, "[channels, steps]");
        int stride = halvings(family, channels);
        if (copy.get(1) % stride != 0) {
            throw new IllegalArgumentException(family.id() + " needs windows whose steps are a multiple of " + stride
                    + " (one halving per convolution); got " + shape + ": choose such a window length");
        }
        return copy;
    }

    /**
     * A copy of a convolutional model's input shape {@code [c, h, w]}: square, with a side that each stride-2
     * convolution (one per entry of {@code channels}) halves exactly.
     */
    static List<Integer> imageInput(Family family, List<Integer> shape, List<Integer> channels) {
        List<Integer> copy = sizes("input shape", shape);
        if (copy.size() != 3) {
            throw new IllegalArgumentException(family.id() + " needs [channels, height, width] input, got " + shape);
        }
        int stride = halvings(family, channels);
        if (copy.get(1) % stride != 0 || !copy.get(1).equals(copy.get(2))) {
            throw new IllegalArgumentException("convolutional models need square inputs whose side is a multiple of " + stride
                    + " (one halving per convolution); got " + shape + ": pad the images");
        }
        return copy;
    }

    /** {@code 2^channels.size()}, what the stride-2 convolutions divide a side by; at least one convolution. */
    private static int halvings(Family family, List<Integer> channels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException(family.id() + " needs at least one convolution's channels");
        }
        return 1 << channels.size();
    }

    /** An odd kernel size: padding {@code k / 2} then keeps a stride-1 convolution's length and halves a stride-2 one's. */
    static void oddKernel(int kernel) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("kernel size must be odd and at least 1, got " + kernel);
        }
    }

    /**
     * Checks what the MLP specs share and returns a copy of the input shape: {@code [features]}, hidden sizes of at
     * least 1, the code and a dropout probability in [0, 1).
     */
    static List<Integer> mlp(Family family, List<Integer> inputShape, List<Integer> hidden, int latent, Activation activation,
            Likelihood likelihood, double dropout) {
        sizes("hidden sizes", hidden);
        code(latent, activation, likelihood);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + dropout);
        }
        return flatInput(family, inputShape);
    }

    /** A copy of {@code sizes}, each at least 1. */
    static List<Integer> sizes(String what, List<Integer> sizes) {
        if (sizes == null) {
            throw new IllegalArgumentException("a model spec needs its " + what);
        }
        List<Integer> copy = List.copyOf(sizes);
        if (copy.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException(what + " must be at least 1 each, got " + sizes);
        }
        return copy;
    }

    /** What every spec has: a code of at least one value, an activation and a likelihood. */
    static void code(int latent, Activation activation, Likelihood likelihood) {
        latent(latent);
        required("activation", activation);
        required("likelihood", likelihood);
    }

    /** A code size of at least 1. */
    static void latent(int latent) {
        if (latent < 1) {
            throw new IllegalArgumentException("latent size must be at least 1, got " + latent);
        }
    }

    /** {@code value}, which must be there. */
    static <T> T required(String what, T value) {
        if (value == null) {
            throw new IllegalArgumentException("a model spec needs its " + what);
        }
        return value;
    }

    /** A variational model's finite {@code beta} of at least 0 and finite reconstruction scale above 0. */
    /** A conditional model's classes: at least 2. */
    static void classes(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a conditional model needs at least 2 classes, got " + classes);
        }
    }

    static void variational(double beta, double reconstructionScale) {
        nonNegative("beta", beta);
        if (!(reconstructionScale > 0) || Double.isInfinite(reconstructionScale)) {
            throw new IllegalArgumentException("reconstruction scale must be finite and above 0, got " + reconstructionScale);
        }
    }

    /** A finite weight of at least 0. */
    static void nonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be finite and at least 0, got " + value);
        }
    }
}
