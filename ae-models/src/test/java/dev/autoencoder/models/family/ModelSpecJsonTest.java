package dev.autoencoder.models.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Cell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The spec's JSON: format 2 names its family and holds exactly the family's fields; the flat format-1 specs that
 * checkpoints and code files of the earlier release hold still read, as the typed spec they describe, and are
 * written back byte for byte as that release wrote them (which is what the code files' fingerprints hash).
 */
class ModelSpecJsonTest {
    private static final List<Integer> MLP = List.of(12);
    private static final List<Integer> IMAGE = List.of(1, 8, 8);

    /** Format-1 JSON as {@code ModelSpec.toJson()} of the earlier release wrote it, with the typed spec it describes. */
    private static Map<String, ModelSpec> formatOne() {
        Map<String, ModelSpec> v1 = new LinkedHashMap<>();
        v1.put("{\"family\":\"ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":3,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new AeSpec(MLP, List.of(7), 3, Activation.RELU, Likelihood.BERNOULLI, 0));
        v1.put("{\"family\":\"ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":3,\"activation\":\"TANH\",\"likelihood\":\"GAUSSIAN\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new AeSpec(MLP, List.of(7), 3, Activation.TANH, Likelihood.GAUSSIAN, 0));
        v1.put("{\"family\":\"ae\",\"inputShape\":[784],\"hidden\":[512,128],\"latent\":32,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":784.0}",
                Presets.MLP_AE.spec());
        v1.put("{\"family\":\"stacked-ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":3,\"activation\":\"SIGMOID\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new StackedAeSpec(MLP, List.of(7), 3, Activation.SIGMOID, Likelihood.BERNOULLI, null));
        v1.put("{\"family\":\"stacked-ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":3,\"activation\":\"SIGMOID\",\"likelihood\":\"BERNOULLI\",\"corruption\":{\"kind\":\"GAUSSIAN\",\"level\":0.1},\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new StackedAeSpec(MLP, List.of(7), 3, Activation.SIGMOID, Likelihood.BERNOULLI, new Noise(Noise.Kind.GAUSSIAN, 0.1)));
        v1.put("{\"family\":\"denoising-ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":3,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":{\"kind\":\"GAUSSIAN\",\"level\":0.2},\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new DenoisingAeSpec(MLP, List.of(7), 3, Activation.RELU, Likelihood.BERNOULLI, new Noise(Noise.Kind.GAUSSIAN, 0.2), 0));
        v1.put("{\"family\":\"denoising-ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":3,\"activation\":\"LEAKY_RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":{\"kind\":\"MASKING\",\"level\":0.3},\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new DenoisingAeSpec(MLP, List.of(7), 3, Activation.LEAKY_RELU, Likelihood.BERNOULLI, new Noise(Noise.Kind.MASKING, 0.3), 0));
        v1.put("{\"family\":\"denoising-ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":3,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":{\"kind\":\"SALT_AND_PEPPER\",\"level\":0.2},\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new DenoisingAeSpec(MLP, List.of(7), 3, Activation.RELU, Likelihood.BERNOULLI, new Noise(Noise.Kind.SALT_AND_PEPPER, 0.2), 0));
        v1.put("{\"family\":\"contractive-ae\",\"inputShape\":[12],\"hidden\":[],\"latent\":5,\"activation\":\"SIGMOID\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.5,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new ContractiveAeSpec(MLP, 5, Activation.SIGMOID, Likelihood.BERNOULLI, 0.5));
        v1.put("{\"family\":\"contractive-ae\",\"inputShape\":[12],\"hidden\":[],\"latent\":5,\"activation\":\"TANH\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.5,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new ContractiveAeSpec(MLP, 5, Activation.TANH, Likelihood.BERNOULLI, 0.5));
        v1.put("{\"family\":\"sparse-ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":4,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.3,\"sparsityTarget\":0.1,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new SparseAeSpec(MLP, List.of(7), 4, Activation.RELU, Likelihood.BERNOULLI, new Sparsity.KL(0.1, 0.3), 0));
        v1.put("{\"family\":\"sparse-ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":4,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.05,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new SparseAeSpec(MLP, List.of(7), 4, Activation.RELU, Likelihood.BERNOULLI, new Sparsity.L1(0.05), 0));
        v1.put("{\"family\":\"conv-ae\",\"inputShape\":[1,8,8],\"hidden\":[2,3],\"latent\":2,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":64.0}",
                new ConvAeSpec(IMAGE, List.of(2, 3), 2, Activation.RELU, Likelihood.BERNOULLI));
        v1.put("{\"family\":\"conv-ae\",\"inputShape\":[1,32,32],\"hidden\":[32,64,128],\"latent\":2,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":1024.0}",
                Presets.CONV_AE.spec());
        v1.put("{\"family\":\"vae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":2,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":0.7,\"reconstructionScale\":12.0}",
                new VaeSpec(MLP, List.of(7), 2, Activation.RELU, Likelihood.BERNOULLI, 0.7, 12, 0));
        v1.put("{\"family\":\"vae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":2,\"activation\":\"TANH\",\"likelihood\":\"GAUSSIAN\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":12.0}",
                new VaeSpec(MLP, List.of(7), 2, Activation.TANH, Likelihood.GAUSSIAN, 1, 12, 0));
        v1.put("{\"family\":\"conv-vae\",\"inputShape\":[1,8,8],\"hidden\":[2,3],\"latent\":2,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":500.0}",
                new ConvVaeSpec(IMAGE, List.of(2, 3), 2, Activation.RELU, Likelihood.BERNOULLI, 1, 500));
        v1.put("{\"family\":\"conv-vae\",\"inputShape\":[1,32,32],\"hidden\":[32,64,128],\"latent\":2,\"activation\":\"RELU\",\"likelihood\":\"BERNOULLI\",\"corruption\":null,\"penaltyWeight\":0.0,\"sparsityTarget\":0.0,\"beta\":1.0,\"reconstructionScale\":500.0}",
                Presets.CONV_VAE.spec());
        return v1;
    }

    @Test
    void everyFormatOneSpecReadsAsItsTypedSpec() {
        formatOne().forEach((json, expected) -> assertEquals(expected, ModelSpec.fromJson(json), json));
        assertEquals(Arrays.stream(Family.values()).filter(f -> !f.sequential() && !f.conditional()).count(),
                formatOne().values().stream().map(ModelSpec::family).distinct().count(), "every family format 1 had");
    }

    @Test
    void theFormatOneFormIsWrittenBackByteForByte() {
        formatOne().forEach((json, spec) -> assertEquals(List.of(spec.toJson(), json), spec.jsonForms()));
    }

    @Test
    void everyFamilyRoundTripsThroughFormatTwo() {
        List<ModelSpec> specs = new ArrayList<>(formatOne().values());
        specs.add(new AeSpec(MLP, List.of(7), 3, Activation.RELU, Likelihood.BERNOULLI, 0.25));
        specs.add(new DenoisingAeSpec(MLP, List.of(), 3, Activation.RELU, Likelihood.GAUSSIAN, new Noise(Noise.Kind.MASKING, 0.1), 0.5));
        specs.add(new SparseAeSpec(MLP, List.of(7, 5), 4, Activation.TANH, Likelihood.BERNOULLI, new Sparsity.L1(0.2), 0.1));
        specs.add(new VaeSpec(MLP, List.of(7), 2, Activation.RELU, Likelihood.BERNOULLI, 4, 12, 0.2));
        specs.add(new LstmAeSpec(List.of(6, 3), Cell.LSTM, 5, 2, Likelihood.GAUSSIAN));
        specs.add(new LstmAeSpec(List.of(6, 3), Cell.GRU, 5, 5, Likelihood.BERNOULLI));
        specs.add(new Conv1dAeSpec(List.of(3, 8), List.of(4, 6), 5, 2, Activation.TANH, Likelihood.BERNOULLI));
        for (ModelSpec spec : specs) {
            String json = spec.toJson();
            assertTrue(json.startsWith("{\"format\":2,\"family\":\"" + spec.family().id() + "\","), json);
            assertEquals(spec, ModelSpec.fromJson(json), json);
        }
    }

    @Test
    void formatTwoHoldsExactlyTheFamilysFields() {
        assertEquals("{\"format\":2,\"family\":\"sparse-ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":4,\"activation\":\"RELU\","
                + "\"likelihood\":\"BERNOULLI\",\"sparsity\":{\"kind\":\"kl\",\"target\":0.1,\"weight\":0.3},\"dropout\":0.0}",
                new SparseAeSpec(MLP, List.of(7), 4, Activation.RELU, Likelihood.BERNOULLI, new Sparsity.KL(0.1, 0.3), 0).toJson());
        assertEquals("{\"format\":2,\"family\":\"stacked-ae\",\"inputShape\":[12],\"hidden\":[7],\"latent\":3,\"activation\":\"SIGMOID\","
                + "\"likelihood\":\"BERNOULLI\",\"noise\":null}",
                new StackedAeSpec(MLP, List.of(7), 3, Activation.SIGMOID, Likelihood.BERNOULLI, null).toJson());
        assertEquals("{\"format\":2,\"family\":\"lstm-ae\",\"inputShape\":[6,3],\"cell\":\"GRU\",\"hidden\":5,\"latent\":2,"
                + "\"likelihood\":\"GAUSSIAN\"}", new LstmAeSpec(List.of(6, 3), Cell.GRU, 5, 2, Likelihood.GAUSSIAN).toJson());
        assertEquals("{\"format\":2,\"family\":\"conv1d-ae\",\"inputShape\":[3,8],\"channels\":[4,6],\"kernel\":5,\"latent\":2,"
                + "\"activation\":\"RELU\",\"likelihood\":\"GAUSSIAN\"}",
                new Conv1dAeSpec(List.of(3, 8), List.of(4, 6), 5, 2, Activation.RELU, Likelihood.GAUSSIAN).toJson());
    }

    @Test
    void theSequenceFamilyHasOnlyFormatTwo() {
        ModelSpec spec = new LstmAeSpec(List.of(6, 3), Cell.LSTM, 5, 2, Likelihood.GAUSSIAN);
        assertEquals(List.of(spec.toJson()), spec.jsonForms());
        refused("{\"family\":\"lstm-ae\",\"inputShape\":[6,3],\"hidden\":[5],\"latent\":2}", "format 1 has no lstm-ae");
        refused(spec.toJson().replace("[6,3]", "[18]"), "lstm-ae needs windows of a series");
        refused(spec.toJson().replace("\"cell\":\"LSTM\"", "\"cell\":null"), "cell");
        refused(spec.toJson().replace("\"hidden\":5", "\"hidden\":0"), "hidden size");
    }

    @Test
    void theOneDimensionalConvolutionalFamilyHasOnlyFormatTwoAndChecksItsWindows() {
        ModelSpec spec = new Conv1dAeSpec(List.of(3, 8), List.of(4, 6), 5, 2, Activation.RELU, Likelihood.GAUSSIAN);
        assertEquals(List.of(spec.toJson()), spec.jsonForms());
        refused("{\"family\":\"conv1d-ae\",\"inputShape\":[3,8],\"hidden\":[4,6],\"latent\":2}", "format 1 has no conv1d-ae");
        refused(spec.toJson().replace("[3,8]", "[24]"),
                "conv1d-ae needs windows of a series, samples of shape [channels, steps], got [24]");
        refused(spec.toJson().replace("[3,8]", "[3,6]"),
                "conv1d-ae needs windows whose steps are a multiple of 4 (one halving per convolution); got [3, 6]");
        refused(spec.toJson().replace("[4,6]", "[]"), "conv1d-ae needs at least one convolution's channels");
        refused(spec.toJson().replace("\"kernel\":5", "\"kernel\":4"), "kernel size must be odd and at least 1, got 4");
        refused(spec.toJson().replace("\"kernel\":5", "\"kernel\":-1"), "kernel size must be odd and at least 1, got -1");
        refused(spec.toJson().replace(",\"kernel\":5", ""), "kernel");
        refused(spec.toJson().replace("\"activation\":\"RELU\"", "\"activation\":null"), "activation");
    }

    @Test
    void aSettingFormatOneLacksLeavesOnlyTheCurrentForm() {
        ModelSpec spec = new AeSpec(MLP, List.of(7), 3, Activation.RELU, Likelihood.BERNOULLI, 0.25);
        assertEquals(List.of(spec.toJson()), spec.jsonForms());
    }

    @Test
    void whatIsNoSpecIsRefusedClearly() {
        String good = new AeSpec(MLP, List.of(7), 3, Activation.RELU, Likelihood.BERNOULLI, 0).toJson();
        refused(good.replace("\"format\":2", "\"format\":3"), "format 3");
        refused(good.replace("\"family\":\"ae\"", "\"family\":\"transformer\""), "unknown model family 'transformer'");
        refused(good.replace("\"latent\":3", "\"latent\":3,\"beta\":2.0"), "beta");
        refused(good.replace("\"dropout\":0.0", "\"dropout\":1.0"), "dropout probability");
        refused(good.replace(",\"dropout\":0.0", ""), "dropout");
        refused(good.replace("\"likelihood\":\"BERNOULLI\"", "\"likelihood\":null"), "likelihood");
        refused("[1, 2]", "not a JSON object");
        String oldDenoising = formatOne().keySet().stream().filter(j -> j.contains("denoising")).findFirst().orElseThrow();
        refused(oldDenoising.replace("\"level\":0.2", "\"level\":-0.2"), "level");
        refused(oldDenoising.replaceFirst("\\{\"kind\":\"GAUSSIAN\",\"level\":0.2}", "null"), "noise");
        String oldContractive = formatOne().keySet().stream().filter(j -> j.contains("contractive")).findFirst().orElseThrow();
        refused(oldContractive.replace("\"hidden\":[]", "\"hidden\":[4]"), "hidden sizes [4]");
        refused(oldContractive.replace("SIGMOID", "RELU"), "sigmoid or tanh");
    }

    private static void refused(String json, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.fromJson(json), json);
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
