package dev.autoencoder.tests.models;

import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.family.AeSpec;
import dev.autoencoder.models.family.ContractiveAeSpec;
import dev.autoencoder.models.family.Conv1dAeSpec;
import dev.autoencoder.models.family.ConvAeSpec;
import dev.autoencoder.models.family.ConvCvaeSpec;
import dev.autoencoder.models.family.ConvVaeSpec;
import dev.autoencoder.models.family.CvaeSpec;
import dev.autoencoder.models.family.DenoisingAeSpec;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.LstmAeSpec;
import dev.autoencoder.models.family.ModelRequest;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.SparseAeSpec;
import dev.autoencoder.models.family.Sparsity;
import dev.autoencoder.models.family.StackedAeSpec;
import dev.autoencoder.models.family.VaeSpec;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Cell;
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
        List<Integer> hidden = List.of(7);
        List<Integer> seriesIn = List.of(5, 3);
        Likelihood bern = Likelihood.BERNOULLI;
        return List.of(
                new Entry("ae", new AeSpec(mlpIn, hidden, 3, Activation.RELU, bern, 0)),
                new Entry("ae-gaussian-tanh", new AeSpec(mlpIn, hidden, 3, Activation.TANH, Likelihood.GAUSSIAN, 0)),
                new Entry("ae-dropout", new AeSpec(mlpIn, List.of(7, 5), 3, Activation.TANH, bern, 0.25)),
                new Entry("stacked-ae", new StackedAeSpec(mlpIn, hidden, 3, Activation.SIGMOID, bern, null)),
                new Entry("denoising-ae-gaussian", new DenoisingAeSpec(mlpIn, hidden, 3, Activation.RELU, bern,
                        new Noise(Noise.Kind.GAUSSIAN, 0.2), 0)),
                new Entry("denoising-ae-masking", new DenoisingAeSpec(mlpIn, hidden, 3, Activation.LEAKY_RELU, bern,
                        new Noise(Noise.Kind.MASKING, 0.3), 0)),
                new Entry("denoising-ae-salt-and-pepper", new DenoisingAeSpec(mlpIn, hidden, 3, Activation.RELU, bern,
                        new Noise(Noise.Kind.SALT_AND_PEPPER, 0.2), 0)),
                new Entry("contractive-ae", new ContractiveAeSpec(mlpIn, 5, Activation.SIGMOID, bern, 0.5)),
                new Entry("contractive-ae-tanh", new ContractiveAeSpec(mlpIn, 5, Activation.TANH, bern, 0.5)),
                new Entry("sparse-ae-kl", new SparseAeSpec(mlpIn, hidden, 4, Activation.RELU, bern, new Sparsity.KL(0.1, 0.3), 0)),
                new Entry("sparse-ae-l1", new SparseAeSpec(mlpIn, hidden, 4, Activation.RELU, bern, new Sparsity.L1(0.05), 0)),
                new Entry("conv-ae", new ConvAeSpec(convIn, List.of(2, 3), 2, Activation.RELU, bern)),
                new Entry("vae", new VaeSpec(mlpIn, hidden, 2, Activation.RELU, bern, 0.7, 12, 0)),
                new Entry("vae-gaussian", new VaeSpec(mlpIn, hidden, 2, Activation.TANH, Likelihood.GAUSSIAN, 1, 12, 0)),
                new Entry("vae-dropout", new VaeSpec(mlpIn, hidden, 2, Activation.TANH, bern, 1, 12, 0.3)),
                new Entry("conv-vae", new ConvVaeSpec(convIn, List.of(2, 3), 2, Activation.RELU, bern, 1, 500)),
                new Entry("lstm-ae", new LstmAeSpec(seriesIn, Cell.LSTM, 4, 2, Likelihood.GAUSSIAN)),
                new Entry("lstm-ae-unprojected-bernoulli", new LstmAeSpec(List.of(4, 2), Cell.LSTM, 3, 3, bern)),
                new Entry("lstm-ae-gru", new LstmAeSpec(seriesIn, Cell.GRU, 4, 2, Likelihood.GAUSSIAN)),
                new Entry("conv1d-ae", new Conv1dAeSpec(List.of(2, 8), List.of(3, 2), 3, 2, Activation.RELU, Likelihood.GAUSSIAN)),
                new Entry("conv1d-ae-k5-tanh-bernoulli", new Conv1dAeSpec(List.of(3, 4), List.of(2), 5, 3, Activation.TANH, bern)),
                new Entry("cvae", new CvaeSpec(mlpIn, hidden, 2, Activation.RELU, bern, 0.7, 12, 0, 3)),
                new Entry("cvae-gaussian-no-hidden", new CvaeSpec(mlpIn, List.of(), 2, Activation.TANH, Likelihood.GAUSSIAN, 1, 12, 0,
                        2)),
                new Entry("conv-cvae", new ConvCvaeSpec(convIn, List.of(2, 3), 2, Activation.RELU, bern, 1, 500, 3)));
    }

    /**
     * The sample shape of an 8x8 digit for a new model of {@code family}: an image {@code [1, 8, 8]} for 2-D convolutions,
     * {@code [8, 8]} for sequence models (lstm-ae: 8 steps, its rows, of 8 channels; conv1d-ae: 8 channels, its rows, of
     * 8 steps), else 64 features.
     */
    public static List<Integer> digitsShape(Family family) {
        return family.convolutional() ? List.of(1, 8, 8) : family.sequential() ? List.of(8, 8) : List.of(64);
    }

    /** The default model of {@code family} for the digits' samples ({@link #digitsShape}) and their 10 classes. */
    public static ModelSpec digitsSpec(Family family) {
        return ModelRequest.of(family).spec(digitsShape(family), 10);
    }
}
