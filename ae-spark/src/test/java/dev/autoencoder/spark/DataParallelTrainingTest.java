package dev.autoencoder.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingResult;
import dev.autoencoder.spark.train.BatchPlan;
import dev.autoencoder.spark.train.DataParallelTrainer;
import dev.autoencoder.spark.train.PartitionSamples;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;

/**
 * Synchronous data-parallel training on Spark (local[2], 3 partitions) equals single-machine training with the
 * library's {@link Trainer} on the same global batches: 20 steps of Adam with gradient clipping on the digits leave
 * every parameter within 1e-5 (relative to the tensor's largest value) of the single-machine run, and the step
 * losses agree; two runs with the same seed are identical bit for bit.
 */
class DataParallelTrainingTest {
    private static final int BATCH = 90; // 1,797 digits: 20 steps in the one epoch
    private static final double LR = 3e-3;
    private static final TrainConfig CONFIG = new TrainConfig(1, BATCH, 42, 0, 0, 1.0, 0, DType.F32);

    private final TensorBackend backend = new PureBackend(1);

    private Autoencoder model() {
        return DigitsFixture.model(Family.AE, DigitsFixture.FEATURES, 5, backend);
    }

    private DataParallelTrainer trainer() {
        return new DataParallelTrainer(LocalSpark.session(), CONFIG, "pure", 2);
    }

    private TrainingResult distributed(Autoencoder model, JavaRDD<PartitionSamples> samples) {
        return trainer().fit(model, Adam.adam(model.parameters(), 0), LrSchedule.constant(LR), samples);
    }

    private static Map<String, float[]> values(Autoencoder model, TensorBackend backend) {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        model.parameters().forEach((name, p) -> out.put(name, backend.toFloats(p.value())));
        return out;
    }

    @Test
    void twentyStepsEqualSingleMachineTrainingOnTheSameGlobalBatches() {
        DataParallelTrainer trainer = trainer();
        Autoencoder model = model();
        JavaRDD<PartitionSamples> samples = trainer.samples(DigitsFixture.table(LocalSpark.session(), 3), "features", model);
        Map<String, float[]> initial = values(model, backend);
        BatchPlan plan = trainer.plan(samples);
        assertEquals(20, plan.steps());
        assertEquals(3, plan.partitions());
        TrainingResult result = distributed(model, samples);

        // the same global batches on one machine, through the Trainer's own step
        List<PartitionSamples> partitions = samples.collect();
        Autoencoder reference = model();
        Optimizer adam = Adam.adam(reference.parameters(), 0);
        Trainer single = new Trainer(backend, CONFIG, List.of());
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
            float[] x = concat(parts);
            Dataset batch = Dataset.unlabeled("batch", x, DigitsFixture.FEATURES);
            assertEquals(plan.batchSize(step), batch.size());
            try (TensorScope scope = backend.newScope()) {
                var t = upload.upload(batch);
                weightedLoss += single.step(reference, adam, LR, t, t, new Rng(0), 0, step, scope).get("total") * batch.size();
            }
        }
        assertEquals(DigitsFixture.DIGITS.size(), seen.size());
        assertEquals(weightedLoss / seen.size(), result.history().get(0).train().get("total"), 1e-6, "the epoch's mean loss");

        Map<String, float[]> expected = values(reference, backend);
        values(model, backend).forEach((name, actual) -> {
            float[] want = expected.get(name);
            double scale = 0;
            double worst = 0;
            double moved = 0;
            for (int i = 0; i < want.length; i++) {
                scale = Math.max(scale, Math.abs(want[i]));
                worst = Math.max(worst, Math.abs(actual[i] - want[i]));
                moved = Math.max(moved, Math.abs(want[i] - initial.get(name)[i]));
            }
            assertTrue(worst <= 1e-5 * scale, name + ": off by " + worst + " of " + scale);
            assertTrue(moved > 1e-3, name + " was trained (moved " + moved + ")");
        });
    }

    @Test
    void aRunIsReproducibleBitForBit() {
        DataParallelTrainer trainer = trainer();
        Autoencoder first = model();
        Autoencoder second = model();
        JavaRDD<PartitionSamples> samples = trainer.samples(DigitsFixture.table(LocalSpark.session(), 3), "features", first);
        distributed(first, samples);
        distributed(second, samples);
        Map<String, float[]> b = values(second, backend);
        values(first, backend).forEach((name, a) -> assertArrayEquals(b.get(name), a, name));
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
