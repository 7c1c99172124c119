package dev.autoencoder.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.DataRequest;
import dev.autoencoder.data.catalog.Scaling;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.run.OptimizerKind;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.run.TrainingRun;
import dev.autoencoder.models.train.ProgressView;
import dev.autoencoder.spark.train.DataParallelTrainer;
import dev.autoencoder.spark.train.Parallelism;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributed training writes the standard run folder: each epoch committed by the driver's {@link TrainingRun}, a
 * resumed run continuing bit for bit, checkpoints that load like any other, and a resume on other data refused.
 */
class DistributedRunTest {
    private static final ModelSpec SPEC = ModelSpec.defaults(Family.AE, List.of(DigitsFixture.FEATURES));
    private static final DataRecipe RECIPE = new DataRecipe(new DataRequest(DataRequest.DIGITS, null, null, null), Scaling.ofRange(0, 1),
            null, null, null, 0, 0);

    @TempDir
    Path dir;

    private static RunSettings settings(int epochs) {
        return new RunSettings(epochs, 128, OptimizerKind.ADAM, 3e-3, null, null, 7, 0, 0, 1.0, 0, 0);
    }

    private static DataParallelTrainer trainer(int partitions, Parallelism parallelism) {
        return DataParallelTrainer.of(LocalSpark.session(), DigitsFixture.table(LocalSpark.session(), partitions), "features", SPEC, "digits",
                parallelism, "pure");
    }

    private static Map<String, float[]> weights(Path checkpoint) {
        var out = new java.util.LinkedHashMap<String, float[]>();
        SafeTensors.read(checkpoint).tensors().forEach((name, t) -> out.put(name, t.toFloats()));
        return out;
    }

    @Test
    void aResumedDistributedRunContinuesBitForBit() {
        for (Parallelism parallelism : List.of(Parallelism.synchronous(), Parallelism.localSgd(4))) {
            Path straight = dir.resolve(parallelism.localSteps() + "-straight");
            Path resumed = dir.resolve(parallelism.localSteps() + "-resumed");
            try (DataParallelTrainer trainer = trainer(3, parallelism)) {
                var backend = new PureBackend(1);
                TrainingRun.start(straight, SPEC, settings(3), RECIPE, trainer.data(), backend, false).train(trainer, ProgressView.NONE);
                TrainingRun.start(resumed, SPEC, settings(1), RECIPE, trainer.data(), backend, false).train(trainer, ProgressView.NONE);
                TrainingRun again = TrainingRun.resume(resumed, new PureBackend(1)).extendTo(3);
                again.train(trainer, ProgressView.NONE);
                assertEquals(3, again.progress().nextEpoch());
            }
            Map<String, float[]> expected = weights(straight.resolve(TrainingRun.MODEL));
            weights(resumed.resolve(TrainingRun.MODEL)).forEach((name, w) -> assertArrayEquals(expected.get(name), w, parallelism + " " + name));
            var model = ModelCheckpoint.load(resumed.resolve(TrainingRun.MODEL), new PureBackend(1), DType.F32);
            assertEquals(SPEC, model.model().spec());
            assertTrue(dir.resolve(parallelism.localSteps() + "-resumed").resolve(TrainingRun.METRICS).toFile().isFile());
        }
    }

    @Test
    void otherPartitionsOfTheDataAreOtherData() {
        Path folder = dir.resolve("run");
        try (DataParallelTrainer three = trainer(3, Parallelism.synchronous()); DataParallelTrainer two = trainer(2, Parallelism.synchronous())) {
            assertEquals(three.data().size(), two.data().size());
            TrainingRun.start(folder, SPEC, settings(1), RECIPE, three.data(), new PureBackend(1), false).train(three, ProgressView.NONE);
            TrainingRun run = TrainingRun.resume(folder, new PureBackend(1)).extendTo(2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.train(two, ProgressView.NONE));
            assertTrue(e.getMessage().contains("differs from the data the run"), e.getMessage());
        }
    }
}
