package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.BackendsModule;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.models.factory.ModelFactory;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Dropout;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.optim.Sgd;
import dev.autoencoder.models.train.MetricsCsv;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optimizers against hand-computed PyTorch steps, dropout, Guice-built models, early stopping and the metrics log. */
class TrainingPiecesTest {
    private final TensorBackend b = new PureBackend(1);

    @TempDir
    Path dir;

    /** The parameter value after {@code steps} updates with the constant gradient 0.5 and lr 0.1, from 1.0. */
    private double after(int steps, Function<Map<String, Parameter>, Optimizer> make) {
        double[] gradients = new double[steps];
        java.util.Arrays.fill(gradients, 0.5);
        return after(make, gradients);
    }

    /** The parameter value after one update per gradient, lr 0.1, from 1.0 (F64). */
    private double after(Function<Map<String, Parameter>, Optimizer> make, double... gradients) {
        Parameter p = new Parameter(b.fromDoubles(new double[] {1.0}, Shape.of(1)));
        Optimizer opt = make.apply(Map.of("p", p));
        for (double g : gradients) {
            try (TensorScope scope = b.newScope()) {
                opt.step(Map.of(p, b.fromDoubles(new double[] {g}, Shape.of(1))), 0.1, scope);
            }
        }
        return b.toDoubles(p.value())[0];
    }

    @Test
    void optimizersTakePyTorchsSteps() {
        // Adam with a constant gradient moves by lr per step: m_hat / sqrt(v_hat) = 1 (eps aside).
        assertEquals(0.9, after(1, ps -> Adam.adam(ps, 0)), 1e-7);
        assertEquals(0.8, after(2, ps -> Adam.adam(ps, 0)), 1e-7);
        // AdamW first shrinks by 1 - lr * wd = 0.99.
        assertEquals(0.89, after(1, ps -> Adam.adamW(ps, 0.1)), 1e-7);
        // SGD with momentum 0.9: buf = 0.5, then 0.95.
        assertEquals(0.95, after(1, ps -> new Sgd(ps, 0.9, 0)), 1e-12);
        assertEquals(0.855, after(2, ps -> new Sgd(ps, 0.9, 0)), 1e-12);
        // SGD with L2 decay 0.1: g' = 0.5 + 0.1 * 1.
        assertEquals(0.94, after(1, ps -> new Sgd(ps, 0, 0.1)), 1e-12);
    }

    @Test
    void dropoutZeroesAndRescalesInTrainingOnly() {
        Tape tape = new Tape(b);
        var ones = tape.constant(b.full(Shape.of(10_000), DType.F64, 1));
        double[] trained = b.toDoubles(new Dropout(0.25).forward(ones, Forward.training(tape, new Rng(1), 1)).value());
        assertTrue(Arrays.stream(trained).allMatch(v -> v == 0 || Math.abs(v - 4.0 / 3) < 1e-12));
        assertEquals(1.0, Arrays.stream(trained).average().orElseThrow(), 0.03, "inverted dropout keeps the mean");
        double[] inferred = b.toDoubles(new Dropout(0.25).forward(ones, Forward.inference(tape, new Rng(1))).value());
        assertTrue(Arrays.stream(inferred).allMatch(v -> v == 1));
    }

    @Test
    void guiceBuildsModelsOnTheSelectedBackend() {
        ModelFactory factory = Guice.createInjector(BackendsModule.discover("pure", new BackendSettings(1)))
                .getInstance(ModelFactory.class);
        Autoencoder model = factory.build(ModelSpec.defaults(Family.VAE, List.of(64)), 3);
        Tensor w = model.parameters().values().iterator().next().value();
        assertEquals("pure", w.backend().name());
        assertEquals(DType.F32, w.dtype());
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovementAndTheLogHasEveryEpoch() throws IOException {
        Autoencoder model = new ModelFactory(b).build(ModelSpec.defaults(Family.AE, List.of(64)), 1);
        Path csv = dir.resolve("metrics.csv");
        Trainer trainer = new Trainer(b, new TrainConfig(10, 64, 1, 0.2, 2, 0, 0, DType.F32), List.of(new MetricsCsv(csv, List.of())));
        TrainingResult r = trainer.fit(model, Adam.adam(model.parameters(), 0), LrSchedule.constant(0), Digits.flat(), Progress.start());
        assertTrue(r.stoppedEarly());
        assertEquals(3, r.history().size(), "the first epoch sets the best; two without improvement stop it");
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertEquals("epoch,train_reconstruction,train_total,val_reconstruction,val_total,lr,samples_per_s", lines.get(0));
    }
}
