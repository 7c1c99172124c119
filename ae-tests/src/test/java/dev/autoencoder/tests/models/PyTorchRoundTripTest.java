package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingData;
import dev.autoencoder.tests.conformance.Comparison;
import dev.autoencoder.tests.conformance.Tolerance;
import dev.autoencoder.tests.python.SystemPython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints between ae and PyTorch itself, both ways: every family (after one epoch on the digits) and every preset
 * (initialised) is saved by ae; PyTorch ({@code scripts/torch_roundtrip.py}, Debian's python3-torch) builds its module
 * from the documented names, loads the file with {@code load_state_dict(strict=True)} and reproduces ae's codes and
 * reconstructions within 1e-5, and the README's snippet does the same for mlp-ae as written. Then state dicts that
 * PyTorch initialised and wrote load in ae on every backend and give PyTorch's codes and reconstructions.
 */
class PyTorchRoundTripTest {
    private static final Tolerance WITHIN = new Tolerance(0, 1e-5);
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    private static final Map<String, ModelSpec> MODELS = new LinkedHashMap<>();
    private static SystemPython.Result pytorch;

    /** ae writes every family and preset; PyTorch reads each, compares, and writes models of its own beside them. */
    @BeforeAll
    static void aeWritesEveryFamilyAndPresetAndPyTorchReadsThem() throws IOException {
        TensorBackend b = new PureBackend(2);
        for (Family family : Family.values()) {
            ModelSpec spec = ModelZoo.digitsSpec(family);
            TrainingData data = Digits.of(family);
            Autoencoder model = Models.build(spec, new Init(b, DType.F32, new Rng(3)));
            new Trainer(b, TrainConfig.of(1, 64, 3), List.of()).fit(model, Adam.adam(model.parameters(), 0),
                    LrSchedule.constant(3e-3), data, Progress.start());
            write(b, family.id(), model, Arrays.copyOf(data.inputs(), 32 * data.sampleSize()), 32);
        }
        for (Presets preset : Presets.values()) {
            Autoencoder model = Models.build(preset.spec(), new Init(b, DType.F32, new Rng(5)));
            double[] x = new Rng(6).uniform(8 * preset.spec().inputSize(), 0, 1);
            float[] xf = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                xf[i] = (float) x[i];
            }
            write(b, "preset-" + preset.id(), model, xf, 8);
        }
        String python = SystemPython.require("torch", "python3-torch");
        pytorch = SystemPython.run(List.of(python, ROOT.resolve("scripts/torch_roundtrip.py").toString(),
                dir.toString(), "--readme", ROOT.resolve("README.md").toString()), ROOT);
        System.out.println(pytorch.output());
    }

    @Test
    void pyTorchLoadsEveryCheckpointStrictlyAndReproducesAesOutputsAsDoesTheReadmeSnippet() {
        assertEquals(0, pytorch.exitCode(), "PyTorch did not reproduce ae's outputs:\n" + pytorch.output());
        assertEquals(MODELS.size() + 1, pytorch.output().lines().filter(l -> l.contains("max |torch - ae|")).count(),
                "one line per model and one for the README snippet:\n" + pytorch.output());
    }

    /** Saves {@code model} into its own folder with a batch and ae's code and reconstruction of it. */
    private static void write(TensorBackend b, String name, Autoencoder model, float[] x, int n) {
        Path folder = dir.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ModelCheckpoint.save(folder.resolve("model.safetensors"), model,
                new Provenance(3, b.name(), b.version(), Provenance.frameworkVersion(), "digits", n));
        MODELS.put(name, model.spec());
        Shape shape = ModelHarness.batchShape(model.spec(), n);
        Map<String, HostTensor> io = new LinkedHashMap<>();
        io.put("x", HostTensor.ofFloats(shape, x));
        Outputs out = outputs(b, model, x, shape);
        io.put("code", HostTensor.ofFloats(out.codeShape(), out.code()));
        io.put("reconstruction", HostTensor.ofFloats(out.reconstructionShape(), out.reconstruction()));
        SafeTensors.write(folder.resolve("io.safetensors"), io, Map.of());
    }

    /** ae's code and reconstruction of a batch. */
    private record Outputs(Shape codeShape, float[] code, Shape reconstructionShape, float[] reconstruction) {
    }

    private static Outputs outputs(TensorBackend b, Autoencoder model, float[] x, Shape shape) {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            Forward pass = Forward.inference(tape, new Rng(0));
            Var input = tape.constant(b.fromFloats(x, shape));
            Var code = model.encode(input, pass);
            Tensor reconstruction = model.reconstruct(input, pass).value();
            return new Outputs(code.shape(), b.toFloats(code.value()), reconstruction.shape(), b.toFloats(reconstruction));
        }
    }

    @Test
    void stateDictsWrittenByPyTorchLoadInAeOnEveryBackendAndGivePyTorchsOutputs() {
        for (TensorBackend b : BACKENDS.values()) {
            MODELS.forEach((name, spec) -> {
                Path folder = dir.resolve(name);
                Autoencoder model = ModelCheckpoint.load(folder.resolve("torch.safetensors"), b, DType.F32).model();
                Map<String, HostTensor> io = SafeTensors.read(folder.resolve("io.safetensors")).tensors();
                Map<String, HostTensor> torch = SafeTensors.read(folder.resolve("torch-io.safetensors")).tensors();
                Outputs ae = outputs(b, model, io.get("x").toFloats(), io.get("x").shape());
                compare(b.name() + " " + name + " code of PyTorch's weights", ae.code(), torch.get("code"));
                compare(b.name() + " " + name + " reconstruction of PyTorch's weights", ae.reconstruction(), torch.get("reconstruction"));
            });
        }
    }

    private static void compare(String what, float[] actual, HostTensor expected) {
        double[] a = new double[actual.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = actual[i];
        }
        Comparison.assertClose(what, expected.shape(), a, expected.shape(), expected.toDoubles(), WITHIN);
    }
}
