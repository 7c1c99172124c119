package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.codec.CodeFile;
import dev.autoencoder.models.codec.Compressor;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.AeSpec;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ContractiveAeSpec;
import dev.autoencoder.models.family.ConvAeSpec;
import dev.autoencoder.models.family.ConvVaeSpec;
import dev.autoencoder.models.family.DenoisingAeSpec;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.SparseAeSpec;
import dev.autoencoder.models.family.Sparsity;
import dev.autoencoder.models.family.StackedAeSpec;
import dev.autoencoder.models.family.VaeSpec;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Init;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Files written by the release before typed specs (spec format 1: a flat {@code ae.spec}, {@code ae.format} 1),
 * one per family, kept as resources {@code v1/<family>.safetensors} and {@code v1/<family>.aec}: each model was
 * built on the pure backend from seed 1 and saved, and two codes of it were written to a code file. On every
 * backend each checkpoint loads as its typed spec with its weights, and its code file decodes with it and with no
 * other model.
 */
class FormatOneFilesTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(1));
    private static final List<Integer> MLP = List.of(12);
    private static final List<Integer> IMAGE = List.of(1, 8, 8);
    private static final List<ModelSpec> WRITTEN = List.of(
            new AeSpec(MLP, List.of(7), 3, Activation.TANH, Likelihood.GAUSSIAN, 0),
            new StackedAeSpec(MLP, List.of(7), 3, Activation.SIGMOID, Likelihood.BERNOULLI, new Noise(Noise.Kind.GAUSSIAN, 0.1)),
            new DenoisingAeSpec(MLP, List.of(7), 3, Activation.RELU, Likelihood.BERNOULLI, new Noise(Noise.Kind.SALT_AND_PEPPER, 0.2), 0),
            new ContractiveAeSpec(MLP, 5, Activation.TANH, Likelihood.BERNOULLI, 0.5),
            new SparseAeSpec(MLP, List.of(7), 4, Activation.RELU, Likelihood.BERNOULLI, new Sparsity.KL(0.1, 0.3), 0),
            new ConvAeSpec(IMAGE, List.of(2, 3), 2, Activation.RELU, Likelihood.BERNOULLI),
            new VaeSpec(MLP, List.of(7), 2, Activation.RELU, Likelihood.BERNOULLI, 0.7, 12, 0),
            new ConvVaeSpec(IMAGE, List.of(2, 3), 2, Activation.RELU, Likelihood.BERNOULLI, 1, 500));

    private static Path resource(String name) {
        try {
            return Path.of(FormatOneFilesTest.class.getResource("v1/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyFamilysFilesStillWork() {
        return BACKENDS.values().stream().map(b -> dynamicContainer(b.name(), WRITTEN.stream().map(spec -> dynamicTest(
                spec.family().id(), () -> check(b, spec)))));
    }

    private static void check(TensorBackend b, ModelSpec spec) {
        String id = spec.family().id();
        ModelCheckpoint.Loaded loaded = ModelCheckpoint.load(resource(id + ".safetensors"), b, DType.F32);
        Autoencoder model = loaded.model();
        assertEquals(spec, model.spec());
        assertEquals(1, loaded.provenance().seed());
        Autoencoder fresh = Models.build(spec, new Init(b, DType.F32, new Rng(1)));
        fresh.parameters().forEach((name, p) -> assertArrayEquals(b.toDoubles(p.value()),
                b.toDoubles(model.parameters().get(name).value()), name));

        Inference inference = new Inference(b, model, 8);
        Compressor compressor = new Compressor(inference);
        CodeFile codes = compressor.read(resource(id + ".aec"));
        assertEquals(spec.latent(), codes.latent());
        assertArrayEquals(inference.decode(codes.codes()), compressor.decompress(codes));
        for (ModelSpec other : WRITTEN) {
            if (other != spec) {
                Path foreign = resource(other.family().id() + ".aec");
                DataFormatException e = assertThrows(DataFormatException.class, () -> compressor.read(foreign));
                assertTrue(e.getMessage().contains("another model"), e.getMessage());
            }
        }
    }
}
