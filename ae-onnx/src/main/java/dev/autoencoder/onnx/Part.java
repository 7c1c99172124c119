package dev.autoencoder.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The inference graphs of a model that export to ONNX, one file each. Inputs and outputs are float32 with a dynamic
 * first dimension, {@code batch}; {@code x} and {@code x_hat} have the model's sample shape, codes its latent size.
 */
public enum Part {
    /** {@code x -> z}, the code; for a variational model {@code x -> mean, log_var} (the log-variance clamped as in ae). */
    ENCODER,
    /** {@code z -> x_hat}: the decoder and its likelihood's output (a sigmoid for a Bernoulli model, none for a Gaussian). */
    DECODER,
    /** {@code x -> x_hat}: the decoder applied to the code (a variational model's posterior mean), without sampling. */
    RECONSTRUCTION;

    /** The value of {@code --part} that means every part. */
    public static final String ALL = "all";

    /** The part's name, {@code encoder}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file it is written to, {@code encoder.onnx}. */
    public String fileName() {
        return id() + ".onnx";
    }

    /**
     * The parts {@code id} names: one part by its {@link #id()}, or {@value #ALL} for every part.
     *
     * @throws IllegalArgumentException listing the names, for any other
     */
    public static List<Part> named(String id) {
        if (ALL.equals(id)) {
            return List.of(values());
        }
        return List.of(Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown part '" + id + "'; known: " + Arrays.stream(values()).map(Part::id)
                        .collect(Collectors.joining(", ")) + ", " + ALL)));
    }

    @Override
    public String toString() {
        return id();
    }
}
