package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.optim.Optimizer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crafted checkpoints and training states: each is refused with one {@link CheckpointException} (or, for optimizer
 * state, one {@link IllegalArgumentException}) that names the problem, before any large allocation.
 */
class CraftedCheckpointTest {
    private static final PureBackend BACKEND = new PureBackend(1);
    private static final ModelSpec SPEC = ModelSpec.defaults(Family.AE, List.of(64));
    /** More than any crafted file can justify: a checkpoint of the small model is a few hundred kilobytes. */
    private static final long ALLOCATION_LIMIT = 64L << 20;

    @TempDir
    Path dir;

    private static Map<String, HostTensor> tensorsOf(Autoencoder model) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> tensors.put(name, HostTensor.of(BACKEND, p.value())));
        return tensors;
    }

    private Path write(String name, Map<String, HostTensor> tensors, String specJson) {
        Path file = dir.resolve(name);
        SafeTensors.write(file, tensors, Map.of(ModelCheckpoint.SPEC, specJson, ModelCheckpoint.FORMAT, "1"));
        return file;
    }

    /** Loads {@code file}, expecting one CheckpointException naming it and {@code problem}, with little allocated. */
    private static void refused(Path file, String problem) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelCheckpoint.load(file, BACKEND, DType.F32));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(problem), e.getMessage());
        assertTrue(allocated < ALLOCATION_LIMIT, allocated + " bytes allocated to refuse " + file);
    }

    private Autoencoder model() {
        return Models.build(SPEC, new Init(BACKEND, DType.F32, new Rng(1)));
    }

    @Test
    void aHugeSpecIsRefusedBeforeItAllocates() {
        String huge = SPEC.toJson().replace("\"inputShape\":[64]", "\"inputShape\":[40000]").replaceFirst("\"hidden\":\\[[^]]*]",
                "\"hidden\":[40000,8]");
        assertTrue(huge.contains("40000"), huge);
        refused(write("huge.safetensors", tensorsOf(model()), huge), "has shape");
    }

    @Test
    void specAndTensorsMustAgree() {
        Map<String, HostTensor> tensors = tensorsOf(model());
        Map<String, HostTensor> missing = new LinkedHashMap<>(tensors);
        missing.remove("decoder.0.weight");
        refused(write("missing.safetensors", missing, SPEC.toJson()), "lacks tensor 'decoder.0.weight'");
        Map<String, HostTensor> extra = new LinkedHashMap<>(tensors);
        extra.put("encoder.9.weight", HostTensor.ofFloats(Shape.of(2), new float[2]));
        refused(write("extra.safetensors", extra, SPEC.toJson()), "holds tensor 'encoder.9.weight'");
        Map<String, HostTensor> reshaped = new LinkedHashMap<>(tensors);
        reshaped.put("encoder.0.bias", HostTensor.ofFloats(Shape.of(3), new float[3]));
        refused(write("reshaped.safetensors", reshaped, SPEC.toJson()), "tensor 'encoder.0.bias' has shape");
        refused(write("nonsense.safetensors", tensors, SPEC.toJson().replace("\"latent\":" + SPEC.latent(), "\"latent\":-3")),
                "unreadable ae metadata");
    }

    @Test
    void nonFiniteWeightsAreRefusedByName() {
        Map<String, HostTensor> tensors = tensorsOf(model());
        HostTensor bias = tensors.get("decoder.0.bias");
        float[] values = bias.toFloats();
        values[5] = Float.NaN;
        tensors.put("decoder.0.bias", HostTensor.ofFloats(bias.shape(), values));
        refused(write("nan.safetensors", tensors, SPEC.toJson()), "tensor 'decoder.0.bias' holds NaN at element 5");
        values[5] = Float.NEGATIVE_INFINITY;
        tensors.put("decoder.0.bias", HostTensor.ofFloats(bias.shape(), values));
        refused(write("inf.safetensors", tensors, SPEC.toJson()), "holds -Infinity");
        assertDoesNotThrow(() -> ModelCheckpoint.load(write("good.safetensors", tensorsOf(model()), SPEC.toJson()), BACKEND, DType.F32));
    }

    @Test
    void optimizerStateMustBeCompleteAndFitItsParameters() {
        Autoencoder model = model();
        Map<String, Tensor> good = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> {
            good.put(name + ".exp_avg", BACKEND.zeros(p.shape(), DType.F32));
            good.put(name + ".exp_avg_sq", BACKEND.zeros(p.shape(), DType.F32));
        });
        Function<Map<String, Tensor>, Optimizer> restored = state -> {
            Optimizer adam = Adam.adam(model.parameters(), 0);
            adam.restore(state, 3);
            return adam;
        };
        assertDoesNotThrow(() -> restored.apply(good));
        Map<String, Tensor> missing = new LinkedHashMap<>(good);
        missing.remove("encoder.2.bias.exp_avg_sq");
        expectRefusal(() -> restored.apply(missing), "lacks 'encoder.2.bias.exp_avg_sq'");
        Map<String, Tensor> misshapen = new LinkedHashMap<>(good);
        misshapen.put("encoder.0.weight.exp_avg", BACKEND.zeros(Shape.of(2, 2), DType.F32));
        expectRefusal(() -> restored.apply(misshapen), "'encoder.0.weight.exp_avg' is [2, 2]");
        Map<String, Tensor> foreign = new LinkedHashMap<>(good);
        foreign.put("encoder.0.weight.momentum_buffer", BACKEND.zeros(model.parameters().get("encoder.0.weight").shape(), DType.F32));
        expectRefusal(() -> restored.apply(foreign), "no slot of this optimizer");
        Map<String, Tensor> stranger = new LinkedHashMap<>(good);
        stranger.put("head.weight.exp_avg", BACKEND.zeros(Shape.of(1), DType.F32));
        expectRefusal(() -> restored.apply(stranger), "belongs to no parameter");
        expectRefusal(() -> Adam.adam(model.parameters(), 0).restore(good, 0), "before any step");
        expectRefusal(() -> Adam.adam(model.parameters(), 0).restore(Map.of(), -1), "negative");
    }

    private static void expectRefusal(org.junit.jupiter.api.function.Executable call, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
