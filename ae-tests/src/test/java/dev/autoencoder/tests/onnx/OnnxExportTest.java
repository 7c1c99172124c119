package dev.autoencoder.tests.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ai.onnxruntime.OrtException;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.catalog.Task;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.VaeSpec;
import dev.autoencoder.models.family.VariationalAutoencoder;
import dev.autoencoder.models.inference.HostBatches;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.onnx.OnnxExporter;
import dev.autoencoder.onnx.Part;
import dev.autoencoder.tests.models.ModelZoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every family's exported graphs reproduce ae in ONNX Runtime: for checkpoints written and read back by every backend,
 * the encoder (a VAE's mean and clamped log-variance), the decoder and the reconstruction agree with ae's
 * {@link Inference} within {@value #TOLERANCE} (float32) on random inputs and on the bundled digits, in batches of 1
 * and 257; the files declare a dynamic batch dimension and carry the spec, provenance and data recipe; and the ONNX
 * project's checker accepts every file.
 */
class OnnxExportTest {
    private static final double TOLERANCE = 1e-5;
    private static final int[] BATCHES = {1, 257};
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final DataRequest DIGITS = new DataRequest(DataRequest.DIGITS, null, null, null);
    private static final LoadedData DIGIT_DATA = new DataCatalog().load(DIGITS, Optional.empty());
    private static final DataRecipe RECIPE = new DataRecipe(DIGITS, DIGIT_DATA.scaling(), null, null, Task.RECONSTRUCT, 2, 3);
    /** The largest difference seen, by family and backend. */
    private static final Map<String, Map<String, Double>> WORST = new TreeMap<>();

    @TempDir
    static Path dir;

    /**
     * A model to export.
     *
     * @param digits whether its input shape takes the digits (8x8), so that it also runs on real inputs
     */
    private record Case(String name, ModelSpec spec, boolean digits) {
    }

    /**
     * The tiny zoo (every family and variant), every family's default model for the digits, and the presets: those that
     * export when {@code exported}, else those the exporter refuses (the recurrent lstm-ae, the conditional cvae and
     * conv-cvae).
     */
    private static List<Case> cases(boolean exported) {
        List<Case> cases = new ArrayList<>();
        ModelZoo.tiny().forEach(e -> cases.add(new Case(e.name(), e.spec(), false)));
        for (Family family : Family.values()) {
            cases.add(new Case(family.id() + "-digits", ModelZoo.digitsSpec(family), true));
        }
        for (Presets preset : Presets.values()) {
            cases.add(new Case("preset-" + preset.id(), preset.spec(), false));
        }
        return cases.stream().filter(c -> (c.spec().family() != Family.LSTM_AE && !c.spec().family().conditional()) == exported).toList();
    }

    private static List<Case> cases() {
        return cases(true);
    }

    /**
     * The recurrent and the conditional families have no ONNX translation yet: the exporter refuses them with one clear
     * message, on every backend.
     */
    @TestFactory
    Stream<DynamicTest> sequenceModelsAreRefusedWithOneClearMessage() {
        List<Case> refused = cases(false);
        assertTrue(refused.size() >= 4, "the zoo's and the digits' lstm-ae and conditional models");
        return BACKENDS.values().stream().flatMap(b -> refused.stream().map(c -> dynamicTest(b.name() + " " + c.name(), () -> {
            ModelCheckpoint.Loaded loaded = checkpoint(b, c.spec(), dir.resolve("refused-" + b.name() + "-" + c.name()), 11);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxExporter.of(loaded));
            assertEquals(c.spec().family().conditional() ? c.spec().family().id() + " has no ONNX export yet: its encoder and decoder "
                    + "read a class label beside the sample and the code, which the exported graphs have no input for"
                    : "lstm-ae has no ONNX export yet: its recurrent encoder and decoder (an ONNX LSTM or GRU node each) are not "
                    + "translated", e.getMessage());
        })));
    }

    @TestFactory
    Stream<DynamicTest> onnxRuntimeReproducesAeOnEveryBackendsCheckpoints() {
        assertTrue(BACKENDS.size() >= 1);
        return BACKENDS.entrySet().stream().flatMap(b -> cases().stream().map(c ->
                dynamicTest(b.getKey() + " " + c.name(), () -> reproduces(b.getValue(), c))));
    }

    private static void reproduces(TensorBackend backend, Case c) throws IOException, OrtException {
        Path folder = dir.resolve(backend.name() + "-" + c.name());
        ModelCheckpoint.Loaded loaded = checkpoint(backend, c.spec(), folder, 11);
        OnnxExporter exporter = OnnxExporter.of(loaded);
        List<Path> files = exporter.write(folder, Part.named(Part.ALL), false);
        ModelSpec spec = c.spec();
        Inference ae = new Inference(backend, loaded.model(), 100);
        String key = spec.family().id();
        for (Part part : Part.values()) {
            assertArrayEquals(exporter.bytes(part), Files.readAllBytes(files.get(part.ordinal())), "the file holds the bytes of " + part);
            try (OrtModel onnx = new OrtModel(files.get(part.ordinal()))) {
                declaresItself(onnx, part, loaded);
                for (int n : BATCHES) {
                    List<Dataset> inputs = new ArrayList<>(List.of(uniform(spec, n, 7 + n)));
                    if (c.digits()) {
                        inputs.add(InputShapes.fit(DIGIT_DATA.test(), spec.inputShape(), c.name()).slice(0, n).toDataset());
                    }
                    switch (part) {
                        case ENCODER -> {
                            for (Dataset x : inputs) {
                                Map<String, float[]> out = onnx.run("x", x.data(), n, x.sampleShape());
                                boolean variational = spec.family().variational();
                                compare(key, backend, ae.encode(x), out.get(variational ? "mean" : "z"));
                                if (loaded.model() instanceof VariationalAutoencoder vae) {
                                    compare(key, backend, logVar(backend, vae, x), out.get("log_var"));
                                }
                            }
                        }
                        case DECODER -> {
                            float[] z = gaussian(n * spec.latent(), 13 + n);
                            compare(key, backend, ae.decode(z), onnx.run("z", z, n, spec.latent()).get("x_hat"));
                        }
                        case RECONSTRUCTION -> {
                            for (Dataset x : inputs) {
                                compare(key, backend, ae.reconstruct(x), onnx.run("x", x.data(), n, x.sampleShape()).get("x_hat"));
                            }
                        }
                    }
                }
            }
        }
    }

    /** The file's inputs and outputs, their dynamic batch dimension, and its metadata. */
    private static void declaresItself(OrtModel onnx, Part part, ModelCheckpoint.Loaded loaded) throws OrtException {
        ModelSpec spec = loaded.model().spec();
        long[] sample = Stream.concat(Stream.of(-1), spec.inputShape().stream()).mapToLong(Integer::longValue).toArray();
        long[] code = {-1, spec.latent()};
        Map<String, long[]> inputs = onnx.inputs();
        Map<String, long[]> outputs = onnx.outputs();
        assertEquals(1, inputs.size());
        assertArrayEquals(part == Part.DECODER ? code : sample, inputs.get(part == Part.DECODER ? "z" : "x"));
        if (part != Part.ENCODER) {
            assertArrayEquals(sample, outputs.get("x_hat"));
        } else if (spec.family().variational()) {
            assertArrayEquals(code, outputs.get("mean"));
            assertArrayEquals(code, outputs.get("log_var"));
        } else {
            assertArrayEquals(code, outputs.get("z"));
        }
        Map<String, String> metadata = onnx.metadata();
        assertEquals(spec.toJson(), metadata.get(ModelCheckpoint.SPEC));
        assertEquals(ModelCheckpoint.json(loaded.provenance()), metadata.get(ModelCheckpoint.PROVENANCE));
        assertEquals(RECIPE.toJson(), metadata.get(ModelCheckpoint.RECIPE));
        assertEquals(part.id(), metadata.get(OnnxExporter.PART));
    }

    /** A VAE's log-variance is clamped to [-30, 20] in ONNX as in ae, even where its head's values run far past the bounds. */
    @TestFactory
    Stream<DynamicTest> theLogVarianceClampIsExported() {
        return BACKENDS.values().stream().map(backend -> dynamicTest(backend.name(), () -> {
            VaeSpec spec = new VaeSpec(List.of(12), List.of(7), 2, dev.autoencoder.models.nn.Activation.RELU,
                    dev.autoencoder.models.family.Likelihood.BERNOULLI, 1, 12, 0);
            Path folder = dir.resolve("clamp-" + backend.name());
            ModelCheckpoint.Loaded loaded = checkpoint(backend, spec, folder, 3);
            VariationalAutoencoder vae = (VariationalAutoencoder) loaded.model();
            Parameter bias = vae.networks().posterior().orElseThrow().logVar().bias();
            backend.release(bias.set(backend.fromFloats(new float[] {1000, -1000}, Shape.of(2))));
            Path encoder = OnnxExporter.of(loaded).write(folder, Part.named("encoder"), false).get(0);
            Dataset x = uniform(spec, 257, 5);
            float[] expected = logVar(backend, vae, x);
            try (OrtModel onnx = new OrtModel(encoder)) {
                float[] actual = onnx.run("x", x.data(), 257, 12).get("log_var");
                assertArrayEquals(expected, actual, "ONNX Runtime's log-variance against ae's");
            }
            for (int i = 0; i < expected.length; i += 2) {
                assertEquals(20f, expected[i]);
                assertEquals(-30f, expected[i + 1]);
            }
        }));
    }

    @Test
    void theOnnxCheckerAcceptsEveryFile() throws IOException {
        Optional<String> python = OnnxChecker.python();
        if (python.isEmpty()) {
            System.err.println("OnnxExportTest: onnx.checker not run: no Python imports onnx (install python3-onnx)");
        }
        Assumptions.assumeTrue(python.isPresent(), "no Python imports onnx (install python3-onnx)");
        TensorBackend backend = BACKENDS.values().iterator().next();
        List<Path> files = new ArrayList<>();
        for (Case c : cases()) {
            Path folder = dir.resolve("checker-" + c.name());
            files.addAll(OnnxExporter.of(checkpoint(backend, c.spec(), folder, 5)).write(folder, Part.named(Part.ALL), false));
        }
        String version = OnnxChecker.check(python.get(), files);
        System.out.printf("onnx %s: onnx.checker.check_model(full_check=True) accepts all %d files%n", version, files.size());
    }

    @AfterAll
    static void printTheLargestDifferences() {
        System.out.println("largest |ONNX Runtime - ae| by family and backend (tolerance " + TOLERANCE + "):");
        WORST.forEach((family, byBackend) -> System.out.println("  " + family + " " + byBackend));
    }

    /** A checkpoint of a freshly initialised model written by {@code backend}, with a recipe, read back by it. */
    private static ModelCheckpoint.Loaded checkpoint(TensorBackend backend, ModelSpec spec, Path folder, long seed) throws IOException {
        Path file = Files.createDirectories(folder).resolve("model.safetensors");
        Provenance provenance = new Provenance(seed, backend.name(), backend.version(), Provenance.frameworkVersion(), "digits", 1797);
        ModelCheckpoint.save(file, Models.build(spec, new Init(backend, DType.F32, new Rng(seed))), provenance,
                Map.of(ModelCheckpoint.RECIPE, RECIPE.toJson()));
        return ModelCheckpoint.load(file, backend, DType.F32);
    }

    /** ae's clamped log-variance of every sample. */
    private static float[] logVar(TensorBackend backend, VariationalAutoencoder vae, Dataset x) {
        return new HostBatches(backend, 100, DType.F32).map(x, (v, pass) -> vae.posterior(v, pass).logVar(), new Rng(0));
    }

    private static void compare(String family, TensorBackend backend, float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length, "values");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        synchronized (WORST) {
            WORST.computeIfAbsent(family, f -> new TreeMap<>()).merge(backend.name(), worst, Math::max);
        }
        double found = worst;
        assertTrue(worst <= TOLERANCE, () -> family + " on " + backend.name() + ": ONNX Runtime and ae differ by " + found);
    }

    /** {@code n} samples of the spec's shape, uniform in [0, 1): scaled units. */
    private static Dataset uniform(ModelSpec spec, int n, long seed) {
        Random random = new Random(seed);
        float[] data = new float[n * spec.inputSize()];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        return Dataset.unlabeled("uniform", data, spec.inputShape().stream().mapToInt(Integer::intValue).toArray());
    }

    private static float[] gaussian(int size, long seed) {
        Random random = new Random(seed);
        float[] z = new float[size];
        for (int i = 0; i < size; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }
}
