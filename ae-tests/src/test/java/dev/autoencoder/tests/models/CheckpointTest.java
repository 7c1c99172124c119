package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.catalog.DataCatalog;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.data.catalog.Task;
import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.run.OptimizerKind;
import dev.autoencoder.models.run.RunData;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.run.TrainingRun;
import dev.autoencoder.models.train.ProgressView;
import dev.autoencoder.tests.conformance.Check;
import dev.autoencoder.tests.conformance.Comparison;
import dev.autoencoder.tests.conformance.OpClass;
import dev.autoencoder.tests.conformance.ToleranceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints: every backend reads what every backend wrote; training resumes exactly from files; bad files fail clearly. */
class CheckpointTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));

    @TempDir
    Path dir;

    private static double[] reconstruct(Autoencoder model, TensorBackend b, float[] x, int n) {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            return b.toDoubles(model.reconstruct(tape.constant(b.fromFloats(x, Shape.of(n, 1, 8, 8))),
                    Forward.inference(tape, new Rng(1))).value());
        }
    }

    @TestFactory
    Stream<DynamicTest> aCheckpointWrittenOnOneBackendLoadsOnEveryOther() {
        ModelSpec spec = ModelSpec.defaults(Family.CONV_VAE, List.of(1, 8, 8));
        float[] x = Arrays.copyOf(Digits.images().inputs(), 5 * 64);
        List<DynamicTest> tests = new ArrayList<>();
        for (TensorBackend writer : BACKENDS.values()) {
            for (TensorBackend reader : BACKENDS.values()) {
                tests.add(dynamicTest(writer.name() + " -> " + reader.name(), () -> {
                    Autoencoder original = Models.build(spec, new Init(writer, DType.F32, new Rng(4)));
                    Path file = dir.resolve(writer.name() + "-" + reader.name() + ".safetensors");
                    ModelCheckpoint.save(file, original, new Provenance(4, writer.name(), writer.version(), "test", "digits", 5));
                    ModelCheckpoint.Loaded loaded = ModelCheckpoint.load(file, reader, DType.F32);
                    assertEquals(spec, loaded.model().spec());
                    assertEquals(writer.name(), loaded.provenance().backend());
                    double[] expected = reconstruct(original, writer, x, 5);
                    Comparison.assertClose("reconstruction", Shape.of(expected.length), reconstruct(loaded.model(), reader, x, 5),
                            Shape.of(expected.length), expected,
                            ToleranceTable.defaultTolerance(Check.MODEL, OpClass.REDUCTION, DType.F32));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aResumedRunEqualsAnUninterruptedOne() {
        LoadedData digits = new DataCatalog().load(new DataRequest(DataRequest.DIGITS, null, null, null), Optional.empty());
        DataRecipe recipe = new DataRecipe(new DataRequest(DataRequest.DIGITS, null, null, null), digits.scaling(), null, null,
                Task.RECONSTRUCT, 2, 3);
        ModelSpec spec = ModelSpec.defaults(Family.DENOISING_AE, List.of(64));
        RunSettings settings = new RunSettings(3, 64, OptimizerKind.ADAM, 3e-3, null, null, 8, 0.1, 0, 0, 0, 0);
        RunData data = RunData.of(digits, recipe, spec, settings.seed(), "the model");
        return BACKENDS.values().stream().map(b -> dynamicTest(b.name(), () -> {
            TrainingRun straight = TrainingRun.start(dir.resolve(b.name() + "-straight"), spec, settings, recipe, data, b, false);
            straight.train(data, ProgressView.NONE);
            Path folder = dir.resolve(b.name() + "-resumed");
            TrainingRun.start(folder, spec, settings.withEpochs(1), recipe, data, b, false).train(data, ProgressView.NONE);
            TrainingRun resumed = TrainingRun.resume(folder, b).extendTo(3);
            assertEquals(1, resumed.progress().nextEpoch());
            resumed.train(data, ProgressView.NONE);
            straight.model().parameters().forEach((name, p) -> assertArrayEquals(b.toDoubles(p.value()),
                    b.toDoubles(resumed.model().parameters().get(name).value()), name));
            assertEquals(straight.history().size(), resumed.history().size());
            Autoencoder copy = ModelCheckpoint.load(folder.resolve(TrainingRun.MODEL), b, DType.F32).model();
            copy.parameters().forEach((name, p) -> assertArrayEquals(b.toDoubles(p.value()),
                    b.toDoubles(straight.model().parameters().get(name).value()), name + " of the last checkpoint"));
            assertEquals(recipe.toJson(), ModelCheckpoint.load(folder.resolve(TrainingRun.BEST), b, DType.F32).recipe().orElseThrow()
                    .toJson(), "checkpoints carry their data recipe");
        }));
    }

    @Test
    void badCheckpointsFailNamingTheFileAndTheProblem() throws IOException {
        TensorBackend b = BACKENDS.get("pure");
        Path text = Files.writeString(dir.resolve("notes.safetensors"), "this is not a checkpoint");
        var e = assertThrows(CheckpointException.class, () -> ModelCheckpoint.load(text, b, DType.F32));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());

        Path good = dir.resolve("good.safetensors");
        ModelCheckpoint.save(good, Models.build(ModelSpec.defaults(Family.AE, List.of(64)), new Init(b, DType.F32, new Rng(1))),
                new Provenance(1, "pure", "x", "test", "digits", 1));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.safetensors"), Arrays.copyOf(bytes, bytes.length - 10));
        var t = assertThrows(CheckpointException.class, () -> ModelCheckpoint.load(truncated, b, DType.F32));
        assertTrue(t.getMessage().contains(truncated.toString()), t.getMessage());
        var missing = assertThrows(CheckpointException.class, () -> ModelCheckpoint.load(dir.resolve("none.safetensors"), b, DType.F32));
        assertTrue(missing.getMessage().contains("none.safetensors"), missing.getMessage());
    }
}
