package dev.autoencoder.tests.models;

import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import java.util.List;

/** Tiny instances of every family (and every variant worth checking), small enough for F64 gradient checks. */
public final class ModelZoo {
    private ModelZoo() {
    }

    /** One named tiny model per family and variant. */
    public record Entry(String name, ModelSpec spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The zoo. */
    public static List<Entry> tiny() {
        List<Integer> mlpIn = List.of(12);
        List<Integer> convIn = List.of(1, 8, 8);
        Likelihood bern = Likelihood.BERNOULLI;
        return List.of(
                new Entry("ae", new ModelSpec(Family.AE, mlpIn, List.of(7), 3, Activation.RELU, bern, null, 0, 0, 1, 12)),
                new Entry("ae-gaussian-tanh", new ModelSpec(Family.AE, mlpIn, List.of(7), 3, Activation.TANH, Likelihood.GAUSSIAN,
                        null, 0, 0, 1, 12)),
                new Entry("stacked-ae", new ModelSpec(Family.STACKED_AE, mlpIn, List.of(7), 3, Activation.SIGMOID, bern, null, 0, 0, 1, 12)),
                new Entry("denoising-ae-gaussian", new ModelSpec(Family.DENOISING_AE, mlpIn, List.of(7), 3, Activation.RELU, bern,
                        new Noise(Noise.Kind.GAUSSIAN, 0.2), 0, 0, 1, 12)),
                new Entry("denoising-ae-masking", new ModelSpec(Family.DENOISING_AE, mlpIn, List.of(7), 3, Activation.LEAKY_RELU, bern,
                        new Noise(Noise.Kind.MASKING, 0.3), 0, 0, 1, 12)),
                new Entry("denoising-ae-salt-and-pepper", new ModelSpec(Family.DENOISING_AE, mlpIn, List.of(7), 3, Activation.RELU, bern,
                        new Noise(Noise.Kind.SALT_AND_PEPPER, 0.2), 0, 0, 1, 12)),
                new Entry("contractive-ae", new ModelSpec(Family.CONTRACTIVE_AE, mlpIn, List.of(), 5, Activation.SIGMOID, bern, null,
                        0.5, 0, 1, 12)),
                new Entry("contractive-ae-tanh", new ModelSpec(Family.CONTRACTIVE_AE, mlpIn, List.of(), 5, Activation.TANH, bern, null,
                        0.5, 0, 1, 12)),
                new Entry("sparse-ae-kl", new ModelSpec(Family.SPARSE_AE, mlpIn, List.of(7), 4, Activation.RELU, bern, null, 0.3, 0.1, 1, 12)),
                new Entry("sparse-ae-l1", new ModelSpec(Family.SPARSE_AE, mlpIn, List.of(7), 4, Activation.RELU, bern, null, 0.05, 0, 1, 12)),
                new Entry("conv-ae", new ModelSpec(Family.CONV_AE, convIn, List.of(2, 3), 2, Activation.RELU, bern, null, 0, 0, 1, 64)),
                new Entry("vae", new ModelSpec(Family.VAE, mlpIn, List.of(7), 2, Activation.RELU, bern, null, 0, 0, 0.7, 12)),
                new Entry("vae-gaussian", new ModelSpec(Family.VAE, mlpIn, List.of(7), 2, Activation.TANH, Likelihood.GAUSSIAN, null, 0, 0,
                        1, 12)),
                new Entry("conv-vae", new ModelSpec(Family.CONV_VAE, convIn, List.of(2, 3), 2, Activation.RELU, bern, null, 0, 0, 1, 500)));
    }
}
