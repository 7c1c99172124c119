package dev.autoencoder.tests.golden;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.tests.conformance.Arg;
import dev.autoencoder.tests.conformance.ConformanceHarness;
import dev.autoencoder.tests.conformance.OpRegistry;
import dev.autoencoder.tests.conformance.OpSpec;
import dev.autoencoder.tests.conformance.Sample;
import dev.autoencoder.tests.models.ModelHarness;
import dev.autoencoder.tests.models.ModelZoo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs PyTorch computes the golden fixtures from, as ae defines them: every sample of the op registry
 * with its cotangent, and every model of the zoo with its parameters and batch. {@code scripts/golden_fixtures.py}
 * reads these files and writes PyTorch's results beside them; {@link GoldenFixtures} reads both back.
 * Run {@link #main} to rewrite the inputs after the registry or the zoo changed, then the script.
 */
public final class GoldenInputs {
    /**
     * Samples with more values than this stay out of the fixtures: they exist to split work over threads, and
     * the op's smaller samples cover the same arithmetic.
     */
    public static final int MAX_SAMPLE_VALUES = 20_000;
    /** Seed of the parameters of the model fixtures. */
    public static final long PARAMETER_SEED = 11;
    /** Seed of the batch of the model fixtures. */
    public static final long BATCH_SEED = 12;
    /** Seed of the noise (dropout, corruption, the VAE's epsilon) of the model fixtures' training pass. */
    public static final long NOISE_SEED = 23;

    private GoldenInputs() {
    }

    /** Writes {@link GoldenFixtures#OP_INPUTS} and {@link GoldenFixtures#MODEL_INPUTS} into the folder in {@code args[0]}. */
    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "ae-tests/src/test/resources/golden");
        writeOps(folder.resolve(GoldenFixtures.OP_INPUTS));
        writeModels(folder.resolve(GoldenFixtures.MODEL_INPUTS));
    }

    /** The registry's samples that the fixtures hold. */
    public static boolean inFixtures(Sample s) {
        return s.args().stream().mapToInt(a -> a.shape().size()).sum() <= MAX_SAMPLE_VALUES;
    }

    static void writeOps(Path file) {
        TensorBackend pure = new PureBackend(1);
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (OpSpec op : OpRegistry.all()) {
            for (Sample s : op.samples()) {
                if (!inFixtures(s)) {
                    continue;
                }
                String key = "c" + cases.size();
                List<Boolean> differentiable = new ArrayList<>();
                for (int k = 0; k < s.args().size(); k++) {
                    Arg arg = s.args().get(k);
                    tensors.put(key + ".x" + k, HostTensor.ofDoubles(arg.shape(), arg.values()));
                    differentiable.add(op.differentiable() && arg.differentiable());
                }
                if (op.differentiable()) {
                    Shape out = outputShape(pure, op, s);
                    tensors.put(key + ".cotangent", HostTensor.ofDoubles(out, ConformanceHarness.cotangent(op, s, out)));
                }
                cases.add(GoldenFixtures.ordered("op", op.name(), "sample", s.label(), "differentiable", differentiable));
            }
        }
        SafeTensors.write(file, tensors, GoldenFixtures.metadata(cases,
                "ae's op registry samples and cotangents (GoldenInputs); PyTorch's results are in " + GoldenFixtures.OPS_TORCH));
    }

    private static Shape outputShape(TensorBackend b, OpSpec op, Sample s) {
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            List<Var> vars = new ArrayList<>();
            for (Arg arg : s.args()) {
                vars.add(tape.constant(b.fromDoubles(arg.values(), arg.shape())));
            }
            return op.fn().apply(tape, vars).shape();
        }
    }

    static void writeModels(Path file) {
        TensorBackend pure = new PureBackend(1);
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (ModelZoo.Entry entry : ModelZoo.tiny()) {
            String key = "m" + cases.size();
            ModelSpec spec = entry.spec();
            Autoencoder model = Models.build(spec, new Init(pure, DType.F64, new Rng(PARAMETER_SEED)));
            model.parameters().forEach((name, p) -> tensors.put(key + ".param." + name, HostTensor.of(pure, p.value())));
            tensors.put(key + ".x", HostTensor.ofDoubles(ModelHarness.batchShape(spec),
                    ModelHarness.labelled(spec, new Rng(BATCH_SEED).uniform(ModelHarness.BATCH * spec.inputSize(), 0, 1))));
            cases.add(GoldenFixtures.ordered("name", entry.name(), "spec", spec.toJson(), "noiseSeed", NOISE_SEED,
                    "parameters", List.copyOf(model.parameters().keySet())));
        }
        SafeTensors.write(file, tensors, GoldenFixtures.metadata(cases,
                "ae's model zoo with parameters and a batch (GoldenInputs); PyTorch's results are in " + GoldenFixtures.MODELS_TORCH));
    }
}
