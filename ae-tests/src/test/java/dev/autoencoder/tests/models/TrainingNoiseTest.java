package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
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
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.DenoisingAeSpec;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Init;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The denoising autoencoder's training noise is the data module's noise, value for value: a training step with a
 * seed sees exactly the input a noisy copy of the data made with that seed holds. Checked through the model: the
 * training loss on the clean batch equals the inference loss (no noise of its own) on the noisy copy, on every
 * backend, in F32 (against the float data copy) and F64 (against the host's double values).
 */
class TrainingNoiseTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(1));
    private static final int FEATURES = 12;
    private static final int BATCH = 16;
    private static final long SEED = 31;

    @TestFactory
    Stream<DynamicNode> aTrainingStepSeesTheNoisyCopyOfTheData() {
        List<Noise> noises = List.of(new Noise(Noise.Kind.GAUSSIAN, 0.3), new Noise(Noise.Kind.MASKING, 0.4),
                new Noise(Noise.Kind.SALT_AND_PEPPER, 0.3));
        return BACKENDS.values().stream().map(b -> {
            List<DynamicNode> checks = new ArrayList<>();
            for (DType dtype : DType.values()) {
                if (b.capabilities().supports(dtype)) {
                    noises.forEach(noise -> checks.add(dynamicTest(dtype + " " + noise.describe(), () -> check(b, dtype, noise))));
                }
            }
            return dynamicContainer(b.name(), checks);
        });
    }

    private static void check(TensorBackend b, DType dtype, Noise noise) {
        ModelSpec spec = new DenoisingAeSpec(List.of(FEATURES), List.of(7), 3, Activation.RELU, Likelihood.BERNOULLI, noise, 0);
        Autoencoder dae = Models.build(spec, new Init(b, dtype, new Rng(11)));
        float[] clean = new float[BATCH * FEATURES];
        double[] uniform = new Rng(5).uniform(clean.length, 0, 1);
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (float) uniform[i];
        }
        double[] noisy = dtype == DType.F32 ? widen(noise.apply(Dataset.unlabeled("x", clean, FEATURES), new Rng(SEED)).data())
                : hostNoise(noise, widen(clean), SEED);
        double training = trainingLoss(b, dtype, dae, widen(clean), SEED);
        assertEquals(inferenceLoss(b, dtype, dae, noisy, widen(clean)), training, 0.0, "the training step's input is the noisy copy");
        assertNotEquals(inferenceLoss(b, dtype, dae, hostNoise(noise, widen(clean), SEED + 1), widen(clean)), training,
                "another seed gives other noise");
    }

    private static double[] hostNoise(Noise noise, double[] values, long seed) {
        double[] copy = values.clone();
        noise.corruptInPlace(copy, new Rng(seed));
        return copy;
    }

    private static double trainingLoss(TensorBackend b, DType dtype, Autoencoder dae, double[] x, long seed) {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            Var input = batch(tape, b, dtype, x);
            return b.toDoubles(dae.loss(input, input, Forward.training(tape, new Rng(seed), 1)).total().value())[0];
        }
    }

    private static double inferenceLoss(TensorBackend b, DType dtype, Autoencoder dae, double[] input, double[] target) {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            Var loss = dae.loss(batch(tape, b, dtype, input), batch(tape, b, dtype, target), Forward.inference(tape, new Rng(0))).total();
            return b.toDoubles(loss.value())[0];
        }
    }

    private static Var batch(Tape tape, TensorBackend b, DType dtype, double[] values) {
        return tape.constant(b.fromDoubles(values, Shape.of(BATCH, FEATURES), dtype));
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
