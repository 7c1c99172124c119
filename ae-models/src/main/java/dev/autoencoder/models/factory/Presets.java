package dev.autoencoder.models.factory;

import dev.autoencoder.models.family.AeSpec;
import dev.autoencoder.models.family.ConvAeSpec;
import dev.autoencoder.models.family.ConvVaeSpec;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.LstmAeSpec;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Cell;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The benchmark workloads of WORKLOADS.md, exactly: W1 {@code mlp-ae}, W2 {@code conv-ae}, W3 {@code conv-vae} and W4
 * {@code lstm-ae}.
 */
public enum Presets {
    /** Dense 784-512-128-32-128-512-784, ReLU, sigmoid output, BCE: 944,176 parameters. */
    MLP_AE("mlp-ae", new AeSpec(List.of(784), List.of(512, 128), 32, Activation.RELU, Likelihood.BERNOULLI, 0)),
    /** Conv 1-32-64-128 (k3 s2 p1) to a 2-D code and back on 1x32x32, BCE: 343,043 parameters. */
    CONV_AE("conv-ae", new ConvAeSpec(List.of(1, 32, 32), List.of(32, 64, 128), 2, Activation.RELU, Likelihood.BERNOULLI)),
    /** W2's trunk with mean and log-variance heads; 500 x mean BCE + KL: 347,141 parameters. */
    CONV_VAE("conv-vae", new ConvVaeSpec(List.of(1, 32, 32), List.of(32, 64, 128), 2, Activation.RELU, Likelihood.BERNOULLI,
            1, 500)),
    /** LSTM 8-64 over windows of 64 steps, Dense 64-16 to the code, Dense 16-64 repeated into LSTM 64-64, Dense 64-8, MSE: 54,872 parameters. */
    LSTM_AE("lstm-ae", new LstmAeSpec(List.of(64, 8), Cell.LSTM, 64, 16, Likelihood.GAUSSIAN));

    private final String id;
    private final ModelSpec spec;

    Presets(String id, ModelSpec spec) {
        this.id = id;
        this.spec = spec;
    }

    /** The workload's name. */
    public String id() {
        return id;
    }

    /** The workload's model. */
    public ModelSpec spec() {
        return spec;
    }

    /** The preset named {@code id}, or an error listing the names. */
    public static Presets of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown preset '" + id + "'; known: "
                        + Arrays.stream(values()).map(Presets::id).collect(Collectors.joining(", "))));
    }
}
