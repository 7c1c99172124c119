package dev.autoencoder.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.AnomalyScore;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.inference.Inference;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingData;
import dev.autoencoder.tests.models.ModelZoo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Batched inference on every backend and every family: concurrent callers of one model get exactly what one caller
 * gets, the reconstruction-error score is the per-sample MSE of the reconstruction, a VAE scores by its own
 * reconstruction probability, and the trainer's evaluation is the same computation as {@link Inference#losses}.
 */
class InferenceTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final int SAMPLES = 37;
    private static final int BATCH = 8;
    private static final int THREADS = 8;
    private static final long SEED = 11;

    @TestFactory
    Stream<DynamicNode> everyFamilyOnEveryBackend() {
        return BACKENDS.values().stream().map(b -> dynamicContainer(b.name(), ModelZoo.tiny().stream().map(entry -> {
            Autoencoder model = Models.build(entry.spec(), new Init(b, DType.F32, new Rng(3)));
            Dataset x = inputs(entry.spec().inputShape().stream().mapToInt(Integer::intValue).toArray(), entry.spec().classes());
            Inference inference = new Inference(b, model, BATCH);
            return dynamicContainer(entry.name(), List.of(
                    dynamicTest("8 threads get what one thread gets", () -> concurrentCallersAgree(inference, x)),
                    dynamicTest("reconstruction error is the per-sample MSE", () -> reconstructionErrorIsMse(inference, x)),
                    dynamicTest("reconstructions into a caller's array", () -> reconstructionsInto(inference, x)),
                    dynamicTest("the model's own score", () -> ownScore(inference, x)),
                    dynamicTest("the trainer's evaluation is Inference.losses", () -> evaluationIsInference(b, inference, x))));
        })));
    }

    /** Random samples, labelled {@code i % classes} for a conditional model. */
    private static Dataset inputs(int[] sampleShape, int classes) {
        int per = IntStream.of(sampleShape).reduce(1, (a, c) -> a * c);
        double[] values = new Rng(5).uniform(SAMPLES * per, 0, 1);
        float[] data = new float[values.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) values[i];
        }
        return classes == 0 ? Dataset.unlabeled("random", data, sampleShape)
                : Dataset.labeled("random", data, sampleShape, IntStream.range(0, SAMPLES).map(i -> i % classes).toArray());
    }

    /** Everything a caller asks of one model, in one list of arrays. */
    private static List<float[]> everything(Inference inference, Dataset x) {
        Autoencoder model = inference.model();
        boolean conditional = model.spec().classes() > 0;
        List<float[]> out = new ArrayList<>(List.of(inference.encode(x), inference.reconstruct(x),
                conditional ? inference.decode(inference.encode(x), x.labels()) : inference.decode(inference.encode(x)),
                inference.scores(x, model.preferredAnomalyScore(3), SEED), inference.scores(x, AnomalyScore.reconstructionError(), SEED)));
        if (conditional) {
            out.add(inference.sample(x.labels(), SEED));
        }
        if (model.generative().isPresent()) {
            out.add(inference.sample(SAMPLES, SEED));
            out.add(inference.negativeLogLikelihood(x, 2, SEED));
        }
        out.add(new float[] {inference.losses(x, x, SEED).get("total").floatValue()});
        return out;
    }

    private static void concurrentCallersAgree(Inference inference, Dataset x) throws Exception {
        List<float[]> alone = everything(inference, x);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Callable<List<float[]>> call = () -> everything(inference, x);
                results.add(pool.submit(call));
            }
            for (Future<List<float[]>> result : results) {
                List<float[]> together = result.get();
                assertEquals(alone.size(), together.size());
                for (int k = 0; k < alone.size(); k++) {
                    assertArrayEquals(alone.get(k), together.get(k), "result " + k + " differs under concurrency");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void reconstructionErrorIsMse(Inference inference, Dataset x) {
        float[] scores = inference.scores(x, AnomalyScore.reconstructionError(), SEED);
        float[] reconstructions = inference.reconstruct(x);
        assertEquals(SAMPLES, scores.length);
        int per = x.sampleSize();
        for (int i = 0; i < SAMPLES; i++) {
            double sum = 0;
            for (int j = 0; j < per; j++) {
                double d = reconstructions[i * per + j] - x.data()[i * per + j];
                sum += d * d;
            }
            assertEquals(sum / per, scores[i], 1e-5 * (1 + sum / per), "sample " + i);
        }
    }

    private static void reconstructionsInto(Inference inference, Dataset x) {
        float[] expected = inference.reconstruct(x);
        float[] into = new float[expected.length];
        Arrays.fill(into, Float.NaN);
        assertSame(into, inference.reconstruct(x, into));
        assertArrayEquals(expected, into);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> inference.reconstruct(x, new float[expected.length - 1]));
        assertEquals("the results are " + expected.length + " floats, but the array for them holds " + (expected.length - 1),
                e.getMessage());
    }

    private static void ownScore(Inference inference, Dataset x) {
        Autoencoder model = inference.model();
        AnomalyScore own = model.preferredAnomalyScore(3);
        AnomalyScore probability = AnomalyScore.reconstructionProbability(3);
        if (model.generative().isPresent()) {
            assertEquals(probability, own);
            float[] scores = inference.scores(x, own, SEED);
            assertFalse(java.util.Arrays.equals(scores, inference.scores(x, AnomalyScore.reconstructionError(), SEED)));
            assertArrayEquals(scores, inference.scores(x, own, SEED), "seeded scores repeat");
            assertFalse(java.util.Arrays.equals(scores, inference.scores(x, own, SEED + 1)), "another seed, other draws");
        } else {
            assertEquals(AnomalyScore.reconstructionError(), own);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inference.scores(x, probability, SEED));
            assertTrue(e.getMessage().contains(model.spec().family().id()), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> inference.sample(3, SEED));
        }
    }

    private static void evaluationIsInference(TensorBackend b, Inference inference, Dataset x) {
        Trainer trainer = new Trainer(b, new TrainConfig(1, BATCH, SEED, 0, 0, 0, 0, DType.F32), List.of());
        int classes = inference.model().spec().classes();
        TrainingData data = classes == 0 ? TrainingData.autoencoding(x.data(), x.sampleShape())
                : TrainingData.autoencoding(Classes.withOneHot(x, classes).data(), x.sampleSize() + classes);
        Map<String, Double> evaluated = trainer.evaluate(inference.model(), data, IntStream.range(0, SAMPLES).toArray(), new Rng(SEED));
        assertEquals(evaluated, inference.losses(x, x, SEED));
    }
}
