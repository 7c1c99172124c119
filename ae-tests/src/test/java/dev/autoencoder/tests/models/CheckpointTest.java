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
import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.checkpoint.TrainingState;
import dev.autoencoder.models.factory.Models;
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
    Stream<DynamicTest> trainingResumedFromFilesEqualsUninterruptedTraining() {
        return BACKENDS.values().stream().map(b -> dynamicTest(b.name(), () -> {
            ModelSpec spec = ModelSpec.defaults(Family.DENOISING_AE, List.of(64));
            TrainingData data = Digits.flat();
            TrainConfig full = TrainConfig.of(3, 64, 8);
            Autoencoder straight = Models.build(spec, new Init(b, DType.F32, new Rng(2)));
            new Trainer(b, full, List.of()).fit(straight, Adam.adam(straight.parameters(), 0), LrSchedule.constant(3e-3), data,
                    Progress.start());

            Autoencoder first = Models.build(spec, new Init(b, DType.F32, new Rng(2)));
            Adam adam = Adam.adam(first.parameters(), 0);
            Progress half = new Trainer(b, new TrainConfig(1, 64, 8, 0.1, 0, 0, 0, DType.F32), List.of())
                    .fit(first, adam, LrSchedule.constant(3e-3), data, Progress.start()).progress();
            Path model = dir.resolve("model.safetensors");
            Path state = dir.resolve("model.train-state.safetensors");
            ModelCheckpoint.save(model, first, new Provenance(8, b.name(), b.version(), "test", "digits", data.size()));
            ModelCheckpoint.saveTrainingState(state, new TrainingState("adam", adam.state(), adam.steps(), half, "{}"));

            Autoencoder resumed = ModelCheckpoint.load(model, b, DType.F32).model();
            TrainingState restored = ModelCheckpoint.loadTrainingState(state, b, DType.F32);
            Adam resumedAdam = Adam.adam(resumed.parameters(), 0);
            resumedAdam.restore(restored.optimizerState(), restored.optimizerSteps());
            assertEquals(half, restored.progress());
            new Trainer(b, full, List.of()).fit(resumed, resumedAdam, LrSchedule.constant(3e-3), data, restored.progress());
            straight.parameters().forEach((name, p) -> assertArrayEquals(b.toDoubles(p.value()),
                    b.toDoubles(resumed.parameters().get(name).value()), name));
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
