package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.DenoisingAeSpec;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.Objective;
import dev.autoencoder.models.family.StackedAutoencoder;
import dev.autoencoder.models.family.VariationalAutoencoder;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.LrSchedule;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingData;
import dev.autoencoder.models.train.TrainingDivergedException;
import dev.autoencoder.models.train.TrainingListener;
import dev.autoencoder.models.train.TrainingResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Learning really happens, on real data (the bundled digits), on every backend: improvements and equalities
 * are asserted, never timings.
 */
class LearningTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(2));
    private static final double LR = 3e-3;

    private static Autoencoder model(TensorBackend b, ModelSpec spec) {
        return Models.build(spec, new Init(b, DType.F32, new Rng(7)));
    }

    private static ModelSpec defaults(Family family) {
        return ModelZoo.digitsSpec(family);
    }

    private static TrainingData data(ModelSpec spec) {
        return Digits.of(spec.family());
    }

    private static TrainingResult train(TensorBackend b, Objective model, TrainingData data, int epochs) {
        Trainer trainer = new Trainer(b, TrainConfig.of(epochs, 64, 3), List.of());
        return trainer.fit(model, Adam.adam(model.parameters(), 0), LrSchedule.constant(LR), data, Progress.start());
    }

    @TestFactory
    Stream<DynamicTest> everyFamilyLearnsOnDigits() {
        return BACKENDS.values().stream().flatMap(b -> Arrays.stream(Family.values()).map(family -> dynamicTest(b.name() + " " + family.id(), () -> {
            ModelSpec spec = defaults(family);
            Autoencoder model = model(b, spec);
            TrainingData data = data(spec);
            Trainer trainer = new Trainer(b, TrainConfig.of(6, 64, 3), List.of());
            double before = trainer.evaluate(model, data, trainer.split(data.size()).validation(), new Rng(1)).get("total");
            if (model instanceof StackedAutoencoder stacked) {
                for (Objective stage : stacked.pretrainingStages()) {
                    double stageBefore = trainer.evaluate(stage, data, trainer.split(data.size()).validation(), new Rng(1)).get("total");
                    double stageAfter = train(b, stage, data, 2).history().get(1).monitored();
                    assertTrue(stageAfter < stageBefore, "pretraining stage learns: " + stageBefore + " -> " + stageAfter);
                }
            }
            TrainingResult result = train(b, model, data, 6);
            double after = result.history().get(5).monitored();
            assertTrue(after < 0.85 * before, family.id() + ": validation loss " + before + " -> " + after);
        })));
    }

    @TestFactory
    Stream<DynamicTest> denoisingOutputIsCloserToTheCleanImageThanItsNoisyInput() {
        return BACKENDS.values().stream().map(b -> dynamicTest(b.name(), () -> {
            DenoisingAeSpec spec = new DenoisingAeSpec(List.of(64), List.of(64, 32), 16, Activation.RELU, Likelihood.BERNOULLI,
                    new Noise(Noise.Kind.MASKING, 0.3), 0);
            Autoencoder dae = model(b, spec);
            TrainingData data = Digits.flat();
            train(b, dae, data, 15);
            try (TensorScope scope = b.newScope()) {
                Tape tape = new Tape(b);
                float[] cleanValues = Arrays.copyOf(data.inputs(), 200 * 64);
                float[] noisyValues = cleanValues.clone();
                spec.noise().corruptInPlace(noisyValues, new int[] {64}, new Rng(99));
                Var clean = tape.constant(b.fromFloats(cleanValues, Shape.of(200, 64)));
                Var noisy = tape.constant(b.fromFloats(noisyValues, Shape.of(200, 64)));
                Var denoised = dae.reconstruct(noisy, Forward.inference(tape, new Rng(99)));
                double noisyError = mse(b, noisy, clean);
                double denoisedError = mse(b, denoised, clean);
                assertTrue(denoisedError < noisyError, "denoised MSE " + denoisedError + " vs noisy " + noisyError);
            }
        }));
    }

    private static double mse(TensorBackend b, Var a, Var c) {
        return b.toDoubles(a.sub(c).square().mean().value())[0];
    }

    @TestFactory
    Stream<DynamicTest> vaeTermsAreSaneAndEmbeddingsDeterministic() {
        return BACKENDS.values().stream().map(b -> dynamicTest(b.name(), () -> {
            ModelSpec spec = defaults(Family.VAE);
            VariationalAutoencoder vae = (VariationalAutoencoder) model(b, spec);
            TrainingResult result = train(b, vae, Digits.flat(), 3);
            assertTrue(result.history().get(2).train().get("kl") > 0, "the KL term is positive");
            try (TensorScope scope = b.newScope()) {
                Tape tape = new Tape(b);
                Var x = tape.constant(b.fromFloats(Arrays.copyOf(Digits.flat().inputs(), 50 * 64), Shape.of(50, 64)));
                double[] nll = b.toDoubles(vae.negativeLogLikelihood(x, 8, Forward.inference(tape, new Rng(5))).value());
                assertTrue(Arrays.stream(nll).allMatch(Double::isFinite), "NLL estimate finite");
                double[] first = b.toDoubles(vae.encode(x, Forward.inference(tape, new Rng(1))).value());
                double[] second = b.toDoubles(vae.encode(x, Forward.inference(tape, new Rng(2))).value());
                assertArrayEquals(first, second, "embed returns the posterior mean, whatever the noise");
                // one posterior sample drawn from a generator is the draw the objective makes from the same generator, so the
                // log-probability is minus the objective's reconstruction term (its scale is the elements per sample)
                double logProb = b.toDoubles(vae.reconstructionLogProbability(x, 1, Forward.inference(tape, new Rng(3))).mean()
                        .value())[0];
                double term = b.toDoubles(vae.loss(x, x, Forward.inference(tape, new Rng(3))).terms().get("reconstruction").value())[0];
                assertEquals(-term, logProb, 1e-5 * Math.abs(term), "log p(x|z) against the objective's reconstruction term");
                Var noise = tape.constant(b.fromFloats(scrambled(Arrays.copyOf(Digits.flat().inputs(), 50 * 64), 64), Shape.of(50, 64)));
                double noiseLogProb = b.toDoubles(vae.reconstructionLogProbability(noise, 4, Forward.inference(tape, new Rng(3))).mean()
                        .value())[0];
                double digitsLogProb = b.toDoubles(vae.reconstructionLogProbability(x, 4, Forward.inference(tape, new Rng(3))).mean()
                        .value())[0];
                assertTrue(digitsLogProb > noiseLogProb, "digits " + digitsLogProb + " are likelier than scrambled pixels " + noiseLogProb);
                assertEquals(Shape.of(6, 64), vae.sample(6, Forward.inference(tape, new Rng(4))).shape());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> resumedTrainingEqualsUninterruptedTraining() {
        return BACKENDS.values().stream().map(b -> dynamicTest(b.name(), () -> {
            ModelSpec spec = defaults(Family.DENOISING_AE);
            TrainingData data = Digits.flat();
            TrainConfig config = TrainConfig.of(4, 64, 3);
            Autoencoder straight = model(b, spec);
            new Trainer(b, config, List.of()).fit(straight, Adam.adam(straight.parameters(), 0), LrSchedule.constant(LR), data,
                    Progress.start());

            Autoencoder first = model(b, spec);
            Adam firstAdam = Adam.adam(first.parameters(), 0);
            Progress half = new Trainer(b, new TrainConfig(2, 64, 3, 0.1, 0, 0, 0, DType.F32), List.of())
                    .fit(first, firstAdam, LrSchedule.constant(LR), data, Progress.start()).progress();
            Autoencoder resumed = model(b, spec);
            copy(first, resumed);
            Adam resumedAdam = Adam.adam(resumed.parameters(), 0);
            resumedAdam.restore(firstAdam.state(), firstAdam.steps());
            new Trainer(b, config, List.of()).fit(resumed, resumedAdam, LrSchedule.constant(LR), data, half);

            straight.parameters().forEach((name, p) -> assertArrayEquals(b.toDoubles(p.value()),
                    b.toDoubles(resumed.parameters().get(name).value()), name));
        }));
    }

    /** Each sample's values in one fixed random order of positions: the same pixels, no longer a digit. */
    private static float[] scrambled(float[] samples, int per) {
        int[] order = new Rng(11).permutation(per);
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = samples[i / per * per + order[i % per]];
        }
        return out;
    }

    private static void copy(Autoencoder from, Autoencoder to) {
        from.parameters().forEach((name, p) -> {
            Parameter target = to.parameters().get(name);
            target.set(p.value());
        });
    }

    @TestFactory
    Stream<DynamicTest> divergenceStopsWithTheStepAndTermNamed() {
        return BACKENDS.values().stream().map(b -> dynamicTest(b.name(), () -> {
            Autoencoder model = model(b, defaults(Family.AE));
            Map<String, double[]> afterLastGoodStep = new java.util.LinkedHashMap<>();
            TrainingListener snapshot = new TrainingListener() {
                @Override
                public void onStep(int epoch, int step, int steps, Map<String, Double> terms, double samplesPerSecond) {
                    model.parameters().forEach((name, p) -> afterLastGoodStep.put(name, b.toDoubles(p.value())));
                }
            };
            var e = assertThrows(TrainingDivergedException.class, () -> {
                Trainer trainer = new Trainer(b, TrainConfig.of(3, 64, 3), List.of(snapshot));
                trainer.fit(model, Adam.adam(model.parameters(), 0), epoch -> 1e30, Digits.flat(), Progress.start());
            });
            assertTrue(e.getMessage().matches("epoch \\d+, (step \\d+: (loss term '\\w+' is|the gradient norm is) |parameter ).*"),
                    e.getMessage());
            assertFalse(afterLastGoodStep.isEmpty(), "at least one step succeeded before the divergence");
            model.parameters().forEach((name, p) -> assertArrayEquals(afterLastGoodStep.get(name), b.toDoubles(p.value()),
                    "the failing step changed no parameter: " + name));
        }));
    }
}
