package dev.autoencoder.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.inference.HostBatches;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.run.OptimizerKind;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingResult;
import dev.autoencoder.spark.train.BatchPlan;
import dev.autoencoder.spark.train.DataParallelTrainer;
import dev.autoencoder.spark.train.Parallelism;
import dev.autoencoder.spark.train.PartitionSamples;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel training on Spark (local[2], 3 partitions of the digits). Synchronous training equals
 * single-machine training with the library's {@link Trainer} on the same global batches: 20 steps of Adam with
 * gradient clipping leave every parameter within 1e-5 (relative to the tensor's largest value) of the single-machine
 * run, and the step losses agree. Local SGD with one local step of SGD equals the synchronous mode; with more local
 * steps it still trains. Two runs with the same seed are identical bit for bit in either mode.
 */
class DataParallelTrainingTest {
    private static final int BATCH = 90; // 1,797 digits: 20 steps in the one epoch
    private static final double LR = 3e-3;

    private final TensorBackend backend = new PureBackend(1);

    private static RunSettings settings(int epochs, OptimizerKind optimizer, double lr, double clip) {
        return new RunSettings(epochs, BATCH, optimizer, lr, null, null, 42, 0, 0, clip, 0, 0);
    }

    private Autoencoder model() {
        return DigitsFixture.model(Family.AE, DigitsFixture.FEATURES, 5, backend);
    }

    private static DataParallelTrainer trainer(Parallelism parallelism) {
        Autoencoder shape = DigitsFixture.model(Family.AE, DigitsFixture.FEATURES, 5, new PureBackend(1));
        return DataParallelTrainer.of(LocalSpark.session(), DigitsFixture.table(LocalSpark.session(), 3), "features", shape.spec(), "digits",
                parallelism, "pure");
    }

    private static TrainingResult fit(DataParallelTrainer trainer, Autoencoder model, RunSettings settings) {
        return trainer.fit(model, settings.newOptimizer(model.parameters()), settings, Progress.start(), List.of());
    }

    private static Map<String, float[]> values(Autoencoder model, TensorBackend backend) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        model.parameters().forEach((name, p) -> out.put(name, backend.toFloats(p.value())));
        return out;
    }

    @Test
    void twentyStepsEqualSingleMachineTrainingOnTheSameGlobalBatches() {
        RunSettings settings = settings(1, OptimizerKind.ADAM, LR, 1.0);
        try (DataParallelTrainer trainer = trainer(Parallelism.synchronous())) {
            Autoencoder model = model();
            Map<String, float[]> initial = values(model, backend);
            BatchPlan plan = trainer.plan(settings);
            assertEquals(20, plan.steps());
            assertEquals(3, plan.partitions());
            TrainingResult result = fit(trainer, model, settings);

            // the same global batches on one machine, through the Trainer's own step
            List<PartitionSamples> partitions = trainer.samples().collect();
            Autoencoder reference = model();
            Optimizer adam = settings.newOptimizer(reference.parameters());
            Trainer single = new Trainer(backend, settings.config(), List.of());
            HostBatches upload = new HostBatches(backend, 1, DType.F32);
            double weightedLoss = 0;
            Set<Integer> seen = new HashSet<>();
            for (int step = 0; step < plan.steps(); step++) {
                List<float[]> parts = new ArrayList<>();
                for (PartitionSamples p : partitions) {
                    int[] share = plan.share(p.partition(), 0, step);
                    for (int i : share) {
                        assertTrue(seen.add(p.partition() * 10_000 + i), "a sample is used once an epoch");
                    }
                    parts.add(p.select(share));
                }
                Dataset batch = Dataset.unlabeled("batch", concat(parts), DigitsFixture.FEATURES);
                assertEquals(plan.batchSize(step), batch.size());
                try (TensorScope scope = backend.newScope()) {
                    var t = upload.upload(batch);
                    weightedLoss += single.step(reference, adam, LR, t, t, new Rng(0), 0, step, scope).get("total") * batch.size();
                }
            }
            assertEquals(DigitsFixture.DIGITS.size(), seen.size());
            assertEquals(weightedLoss / seen.size(), result.history().get(0).train().get("total"), 1e-6, "the epoch's mean loss");
            assertClose(values(reference, backend), values(model, backend), initial);
        }
    }

    @Test
    void localSgdWithOneLocalStepOfSgdIsTheSynchronousMode() {
        RunSettings settings = settings(1, OptimizerKind.SGD, 1.0, 0);
        Autoencoder synchronous = model();
        Autoencoder local = model();
        Map<String, float[]> initial = values(local, backend);
        try (DataParallelTrainer trainer = trainer(Parallelism.synchronous())) {
            fit(trainer, synchronous, settings);
        }
        try (DataParallelTrainer trainer = trainer(Parallelism.localSgd(1))) {
            fit(trainer, local, settings);
        }
        assertClose(values(synchronous, backend), values(local, backend), initial);
    }

    @Test
    void localSgdTrainsAndIsReproducibleBitForBit() {
        RunSettings settings = settings(3, OptimizerKind.ADAM, LR, 1.0);
        Autoencoder first = model();
        Autoencoder second = model();
        try (DataParallelTrainer trainer = trainer(Parallelism.localSgd(5))) {
            List<Double> losses = fit(trainer, first, settings).history().stream().map(m -> m.train().get("total")).toList();
            assertTrue(losses.get(2) < 0.9 * losses.get(0), "local SGD lowers the loss: " + losses);
            fit(trainer, second, settings);
        }
        Map<String, float[]> b = values(second, backend);
        values(first, backend).forEach((name, a) -> assertArrayEquals(b.get(name), a, name));
    }

    @Test
    void aSynchronousRunIsReproducibleBitForBit() {
        RunSettings settings = settings(1, OptimizerKind.ADAM, LR, 1.0);
        Autoencoder first = model();
        Autoencoder second = model();
        try (DataParallelTrainer trainer = trainer(Parallelism.synchronous())) {
            fit(trainer, first, settings);
            fit(trainer, second, settings);
        }
        Map<String, float[]> b = values(second, backend);
        values(first, backend).forEach((name, a) -> assertArrayEquals(b.get(name), a, name));
    }

    @Test
    void aValidationSplitIsRefusedInOneLine() {
        RunSettings settings = new RunSettings(1, BATCH, OptimizerKind.ADAM, LR, null, null, 42, 0.1, 0, 0, 0, 0);
        try (DataParallelTrainer trainer = trainer(Parallelism.synchronous())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(trainer, model(), settings));
            assertTrue(e.getMessage().contains("validation split"), e.getMessage());
        }
    }

    /** Every parameter of {@code actual} within 1e-5 of {@code expected} relative to its largest value, and trained. */
    private static void assertClose(Map<String, float[]> expected, Map<String, float[]> actual, Map<String, float[]> initial) {
        actual.forEach((name, got) -> {
            float[] want = expected.get(name);
            double scale = 0;
            double worst = 0;
            double moved = 0;
            for (int i = 0; i < want.length; i++) {
                scale = Math.max(scale, Math.abs(want[i]));
                worst = Math.max(worst, Math.abs(got[i] - want[i]));
                moved = Math.max(moved, Math.abs(want[i] - initial.get(name)[i]));
            }
            assertTrue(worst <= 1e-5 * scale, name + ": off by " + worst + " of " + scale);
            assertTrue(moved > 1e-3, name + " was trained (moved " + moved + ")");
        });
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
