package dev.autoencoder.models.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Cell;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A request fits a family's default architecture to the data, adjusted by the settings that family has. */
class ModelRequestTest {
    private static final List<Integer> FLAT = List.of(64);
    private static final List<Integer> IMAGE = List.of(1, 8, 8);

    private static ModelRequest request(Family family, Activation activation, Likelihood likelihood, Noise.Kind noise,
            Double noiseLevel, Double lambda, Sparsity.Kind sparsity, Double target, Double weight, Double dropout, Double beta) {
        return new ModelRequest(family, null, null, activation, likelihood, noise, noiseLevel, lambda, sparsity, target, weight,
                dropout, beta);
    }

    private static List<Integer> shape(Family family) {
        return family.convolutional() ? IMAGE : FLAT;
    }

    @Test
    void theDefaultsAreTheEarlierReleases() {
        Map<Family, String> earlier = new EnumMap<>(Family.class);
        earlier.put(Family.of("ae"), "{\"family\":\"ae\",\"inputShape\":[64],\"hidden\":[32,8],\"latent\":4,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":64.0}");
        earlier.put(Family.of("stacked-ae"), "{\"family\":\"stacked-ae\",\"inputShape\":[64],\"hidden\":[32,8],\"latent\":4,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":64.0}");
        earlier.put(Family.of("denoising-ae"), "{\"family\":\"denoising-ae\",\"inputShape\":[64],\"hidden\":[32,8],\"latent\":4,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":{\"kind\":\"MASKING\",\"level\":0.3},\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":64.0}");
        earlier.put(Family.of("contractive-ae"), "{\"family\":\"contractive-ae\",\"inputShape\":[64],\"hidden\":[],\"latent\":16,\"activation\":\"SIGMOID\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.1,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":64.0}");
        earlier.put(Family.of("sparse-ae"), "{\"family\":\"sparse-ae\",\"inputShape\":[64],\"hidden\":[32,8],\"latent\":4,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.01,\"sparsityTarget\":0.05,\"beta\":1.0,\"reconstructionScale\":64.0}");
        earlier.put(Family.of("conv-ae"), "{\"family\":\"conv-ae\",\"inputShape\":[1,8,8],\"hidden\":[32,64,128],\"latent\":2,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":64.0}");
        earlier.put(Family.of("vae"), "{\"family\":\"vae\",\"inputShape\":[64],\"hidden\":[32,8],\"latent\":4,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":64.0}");
        earlier.put(Family.of("conv-vae"), "{\"family\":\"conv-vae\",\"inputShape\":[1,8,8],\"hidden\":[32,64,128],\"latent\":2,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":64.0}");
        earlier.forEach((family, json) -> assertEquals(ModelSpec.fromJson(json), ModelSpec.defaults(family, shape(family)), json));
        assertEquals(Arrays.stream(Family.values()).filter(f -> !f.sequential() && !f.conditional()).count(), earlier.size(),
                "every family but the new lstm-ae, conv1d-ae, cvae and conv-cvae");
    }

    @Test
    void theOneDimensionalConvolutionalModelFitsWindowsAndRefusesWhatItLacks() {
        assertEquals(new Conv1dAeSpec(List.of(8, 64), List.of(32, 64, 128), 7, 32, Activation.RELU, Likelihood.GAUSSIAN),
                ModelSpec.defaults(Family.CONV1D_AE, List.of(8, 64)), "three convolutions when the steps are a multiple of 8");
        assertEquals(new Conv1dAeSpec(List.of(2, 12), List.of(32, 64), 7, 3, Activation.RELU, Likelihood.GAUSSIAN),
                ModelSpec.defaults(Family.CONV1D_AE, List.of(2, 12)), "two when they are a multiple of 4 only");
        assertEquals(new Conv1dAeSpec(List.of(1, 16), List.of(4), 7, 5, Activation.TANH, Likelihood.BERNOULLI),
                new ModelRequest(Family.CONV1D_AE, List.of(4), 5, Activation.TANH, Likelihood.BERNOULLI, null, null, null, null, null,
                        null, null, null).spec(List.of(1, 16)));
        invalid(() -> ModelSpec.defaults(Family.CONV1D_AE, FLAT),
                "conv1d-ae needs windows of a series, samples of shape [channels, steps], got [64]");
        invalid(() -> ModelSpec.defaults(Family.CONV1D_AE, List.of(3, 10)),
                "conv1d-ae needs windows whose steps are a multiple of 4 (one halving per convolution); got [3, 10]");
        inapplicable(() -> request(Family.CONV1D_AE, null, null, null, null, null, null, null, null, 0.1, null).spec(List.of(2, 8)),
                "dropout applies to");
        inapplicable(() -> request(Family.CONV1D_AE, null, null, null, null, null, null, null, null, null, 2.0).spec(List.of(2, 8)),
                "beta applies to");
    }

    @Test
    void theSequenceModelFitsWindowsAndRefusesWhatItLacks() {
        List<Integer> windows = List.of(8, 8);
        assertEquals(new LstmAeSpec(windows, Cell.LSTM, 64, 16, Likelihood.GAUSSIAN), ModelSpec.defaults(Family.LSTM_AE, windows));
        assertEquals(new LstmAeSpec(List.of(64, 2), Cell.LSTM, 16, 3, Likelihood.BERNOULLI), new ModelRequest(Family.LSTM_AE,
                List.of(16), 3, null, Likelihood.BERNOULLI, null, null, null, null, null, null, null, null).spec(List.of(64, 2)));
        invalid(() -> ModelSpec.defaults(Family.LSTM_AE, FLAT), "lstm-ae needs windows of a series, samples of shape [steps, channels], got [64]");
        inapplicable(() -> request(Family.LSTM_AE, Activation.TANH, null, null, null, null, null, null, null, null, null).spec(windows),
                "activation applies to ae, ");
        inapplicable(() -> new ModelRequest(Family.LSTM_AE, List.of(8, 4), null, null, null, null, null, null, null, null, null,
                null, null).spec(windows), "hidden takes one size for lstm-ae");
        inapplicable(() -> request(Family.LSTM_AE, null, null, null, null, null, null, null, null, 0.1, null).spec(windows),
                "dropout applies to");
    }

    @Test
    void settingsAdjustTheDefaults() {
        assertEquals(new AeSpec(FLAT, List.of(32, 8), 4, Activation.TANH, Likelihood.GAUSSIAN, 0.2),
                request(Family.AE, Activation.TANH, Likelihood.GAUSSIAN, null, null, null, null, null, null, 0.2, null).spec(FLAT));
        assertEquals(new StackedAeSpec(FLAT, List.of(32, 8), 4, Activation.RELU, Likelihood.BERNOULLI, new Noise(Noise.Kind.MASKING, 0.2)),
                request(Family.STACKED_AE, null, null, null, 0.2, null, null, null, null, null, null).spec(FLAT));
        assertEquals(new Noise(Noise.Kind.GAUSSIAN, 0.3), request(Family.DENOISING_AE, null, null, Noise.Kind.GAUSSIAN, null, null, null,
                null, null, null, null).spec(FLAT).trainingNoise().orElseThrow());
        assertEquals(new ContractiveAeSpec(FLAT, 16, Activation.TANH, Likelihood.BERNOULLI, 0.5),
                request(Family.CONTRACTIVE_AE, Activation.TANH, null, null, null, 0.5, null, null, null, null, null).spec(FLAT));
        assertEquals(new Sparsity.L1(0.2), ((SparseAeSpec) request(Family.SPARSE_AE, null, null, null, null, null, Sparsity.Kind.L1,
                null, 0.2, null, null).spec(FLAT)).sparsity());
        assertEquals(new Sparsity.KL(0.1, 0.01), ((SparseAeSpec) request(Family.SPARSE_AE, null, null, null, null, null, null,
                0.1, null, null, null).spec(FLAT)).sparsity());
        assertEquals(new ConvVaeSpec(IMAGE, List.of(32, 64, 128), 2, Activation.RELU, Likelihood.BERNOULLI, 4, 64),
                request(Family.CONV_VAE, null, null, null, null, null, null, null, null, null, 4.0).spec(IMAGE));
        assertEquals(new ConvAeSpec(List.of(3, 12, 12), List.of(32, 64), 2, Activation.RELU, Likelihood.BERNOULLI),
                ModelSpec.defaults(Family.CONV_AE, List.of(3, 12, 12)));
    }

    @Test
    void aSettingTheFamilyLacksIsRefusedNamingItAndTheFamiliesThatHaveIt() {
        inapplicable(() -> request(Family.AE, null, null, null, null, null, null, null, null, null, 2.0).spec(FLAT),
                "beta applies to vae, conv-vae, cvae and conv-cvae, not ae");
        inapplicable(() -> request(Family.STACKED_AE, null, null, null, null, null, null, null, null, 0.1, null).spec(FLAT),
                "dropout applies to ae, denoising-ae, sparse-ae, vae and cvae, not stacked-ae");
        inapplicable(() -> request(Family.VAE, null, null, null, null, 0.1, null, null, null, null, null).spec(FLAT),
                "contractive-lambda applies to contractive-ae, not vae");
        inapplicable(() -> request(Family.AE, null, null, null, 0.2, null, null, null, null, null, null).spec(FLAT),
                "noise-level applies to stacked-ae and denoising-ae, not ae");
        inapplicable(() -> request(Family.CONV_AE, null, null, null, null, null, null, null, 0.1, null, null).spec(IMAGE),
                "sparsity-weight applies to sparse-ae, not conv-ae");
        inapplicable(() -> request(Family.SPARSE_AE, null, null, null, null, null, Sparsity.Kind.L1, 0.1, null, null, null).spec(FLAT),
                "sparsity-target applies to the kl sparsity, not l1");
        inapplicable(() -> new ModelRequest(Family.CONTRACTIVE_AE, List.of(8), null, null, null, null, null, null, null, null, null,
                null, null).spec(FLAT), "hidden applies to");
    }

    @Test
    void anInvalidModelIsRefusedByItsSpec() {
        invalid(() -> request(Family.CONTRACTIVE_AE, Activation.RELU, null, null, null, null, null, null, null, null, null).spec(FLAT),
                "sigmoid or tanh");
        invalid(() -> request(Family.SPARSE_AE, null, null, null, null, null, Sparsity.Kind.KL, 1.5, null, null, null).spec(FLAT),
                "target must be in (0, 1)");
        invalid(() -> request(Family.VAE, null, null, null, null, null, null, null, null, 1.0, null).spec(FLAT), "dropout probability");
        invalid(() -> request(Family.VAE, null, null, null, null, null, null, null, null, null, -1.0).spec(FLAT), "beta");
        invalid(() -> ModelSpec.defaults(Family.CONV_AE, List.of(1, 6, 6)), "pad the images");
        invalid(() -> ModelSpec.defaults(Family.AE, IMAGE), "ae needs [features] input");
    }

    private static void inapplicable(Executable call, String message) {
        ModelRequest.Inapplicable e = assertThrows(ModelRequest.Inapplicable.class, call);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    private static void invalid(Executable call, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
