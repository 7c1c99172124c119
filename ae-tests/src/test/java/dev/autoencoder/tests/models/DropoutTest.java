package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.AeSpec;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.VaeSpec;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.nn.Parameter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec's dropout, on every backend: masks drawn from the training pass's generator (the same seed drops the same
 * units), nothing dropped at inference (the model computes what the same weights without dropout compute), and
 * PyTorch's names for a {@code Sequential} with {@code nn.Dropout} after each hidden activation. The conformance
 * suite's zoo has dropout models too, so every backend's losses, gradients and steps with dropout match the oracle's.
 */
class DropoutTest {
    private static final Map<String, TensorBackend> BACKENDS = Backends.all(new BackendSettings(1));
    private static final List<Integer> IN = List.of(12);
    private static final int N = 6;

    @TempDir
    Path dir;

    private static List<ModelSpec> withAndWithout() {
        return List.of(new AeSpec(IN, List.of(7, 5), 3, Activation.TANH, Likelihood.BERNOULLI, 0.4),
                new AeSpec(IN, List.of(7, 5), 3, Activation.TANH, Likelihood.BERNOULLI, 0),
                new VaeSpec(IN, List.of(7), 2, Activation.RELU, Likelihood.BERNOULLI, 1, 12, 0.4),
                new VaeSpec(IN, List.of(7), 2, Activation.RELU, Likelihood.BERNOULLI, 1, 12, 0));
    }

    private static Var batch(Tape tape, TensorBackend b) {
        return tape.constant(b.fromDoubles(new Rng(5).uniform(N * 12, 0, 1), Shape.of(N, 12), DType.F32));
    }

    private static double trainingLoss(TensorBackend b, Autoencoder model, long seed) {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            Var x = batch(tape, b);
            return b.toDoubles(model.loss(x, x, Forward.training(tape, new Rng(seed), 1)).total().value())[0];
        }
    }

    private static double[] reconstruction(TensorBackend b, Autoencoder model, long seed) {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            return b.toDoubles(model.reconstruct(batch(tape, b), Forward.inference(tape, new Rng(seed))).value());
        }
    }

    /** {@code to} with the values of {@code from}'s parameters, taken in order (the names differ by the dropout layers). */
    private static void copyInOrder(Autoencoder from, Autoencoder to) {
        Iterator<Parameter> target = to.parameters().values().iterator();
        from.parameters().values().forEach(p -> target.next().set(p.value()));
    }

    @TestFactory
    Stream<DynamicTest> dropoutIsSeededInTrainingAndOffInInference() {
        return BACKENDS.values().stream().flatMap(b -> Stream.of(0, 2).map(i -> dynamicTest(b.name() + " " + withAndWithout().get(i)
                .family().id(), () -> {
            Autoencoder dropping = Models.build(withAndWithout().get(i), new Init(b, DType.F32, new Rng(3)));
            Autoencoder plain = Models.build(withAndWithout().get(i + 1), new Init(b, DType.F32, new Rng(3)));
            copyInOrder(dropping, plain);
            assertEquals(trainingLoss(b, dropping, 1), trainingLoss(b, dropping, 1), 0.0, "the same seed drops the same units");
            assertNotEquals(trainingLoss(b, dropping, 1), trainingLoss(b, dropping, 2), "another seed drops others");
            assertNotEquals(trainingLoss(b, plain, 1), trainingLoss(b, dropping, 1), "training drops units");
            assertArrayEquals(reconstruction(b, plain, 1), reconstruction(b, dropping, 2), "inference drops nothing");
        })));
    }

    @Test
    void namesFollowPyTorchsSequentialWithDropout() {
        TensorBackend b = BACKENDS.get("pure");
        Autoencoder model = Models.build(withAndWithout().get(0), new Init(b, DType.F32, new Rng(1)));
        assertEquals(List.of("encoder.0.weight", "encoder.0.bias", "encoder.3.weight", "encoder.3.bias", "encoder.6.weight",
                "encoder.6.bias", "decoder.0.weight", "decoder.0.bias", "decoder.3.weight", "decoder.3.bias", "decoder.6.weight",
                "decoder.6.bias"), List.copyOf(model.parameters().keySet()));
        Path file = dir.resolve("dropout.safetensors");
        ModelCheckpoint.save(file, model, new Provenance(1, "pure", b.version(), "test", "random", N));
        assertEquals(withAndWithout().get(0), ModelCheckpoint.load(file, b, DType.F32).model().spec());
    }
}
