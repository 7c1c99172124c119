package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.train.EpochMetrics;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Listeners hear every step with every loss term, and every epoch. */
class TrainingListenerTest {
    @TestFactory
    Stream<DynamicTest> everyStepReportsEveryTerm() {
        return Backends.all(new BackendSettings(2)).values().stream().map((TensorBackend b) -> dynamicTest(b.name(), () -> {
            Autoencoder vae = Models.build(ModelSpec.defaults(Family.VAE, List.of(64)), new Init(b, DType.F32, new Rng(1)));
            List<Map<String, Double>> steps = new ArrayList<>();
            List<EpochMetrics> epochs = new ArrayList<>();
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onStep(int epoch, int step, int stepsPerEpoch, Map<String, Double> terms, double samplesPerSecond) {
                    assertEquals(steps.size(), step);
                    assertEquals(26, stepsPerEpoch, "1,617 training samples in batches of 64");
                    assertTrue(samplesPerSecond > 0);
                    steps.add(terms);
                }

                @Override
                public void onEpoch(EpochMetrics metrics) {
                    epochs.add(metrics);
                }
            };
            new Trainer(b, TrainConfig.of(1, 64, 5), List.of(listener)).fit(vae, Adam.adam(vae.parameters(), 0), LrSchedule.constant(1e-3),
                    Digits.flat(), Progress.start());
            assertEquals(26, steps.size());
            assertEquals(List.of("reconstruction", "kl", "total"), List.copyOf(steps.get(0).keySet()));
            Map<String, Double> last = steps.get(steps.size() - 1);
            assertEquals(last.get("reconstruction") + last.get("kl"), last.get("total"), 1e-3 * last.get("total"));
            assertEquals(1, epochs.size());
        }));
    }
}
