package dev.autoencoder.tests.golden;

import dev.autoencoder.api.DType;
import dev.autoencoder.tests.conformance.Arg;
import dev.autoencoder.tests.conformance.OpSpec;
import dev.autoencoder.tests.conformance.Sample;
import dev.autoencoder.tests.conformance.TorchResult;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The op-level golden fixtures: PyTorch's result for each registry sample, found by op name and sample label. */
public final class GoldenOps {
    private final GoldenFixtures inputs = GoldenFixtures.read(GoldenFixtures.OP_INPUTS);
    private final GoldenFixtures torch = GoldenFixtures.read(GoldenFixtures.OPS_TORCH);
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Map<String, Object>> cases = inputs.cases();

    /** Reads both files from {@link GoldenFixtures#folder()}. */
    public GoldenOps() {
        for (int i = 0; i < cases.size(); i++) {
            index.put(key(cases.get(i).get("op"), cases.get(i).get("sample")), i);
        }
    }

    private static String key(Object op, Object sample) {
        return op + "\u0000" + sample;
    }

    /** The version of PyTorch that computed the fixtures. */
    public String torchVersion() {
        return torch.metadata("torch");
    }

    /** PyTorch's result for sample {@code s} of {@code op} in {@code dtype}, if the fixtures hold the sample. */
    public Optional<TorchResult> result(OpSpec op, Sample s, DType dtype) {
        Integer i = index.get(key(op.name(), s.label()));
        if (i == null) {
            return Optional.empty();
        }
        String at = "c" + i + "." + GoldenFixtures.tag(dtype);
        Map<Integer, double[]> grads = new HashMap<>();
        for (int k = 0; k < s.args().size(); k++) {
            if (torch.has(at + ".grad" + k)) {
                grads.put(k, torch.values(at + ".grad" + k));
            }
        }
        return Optional.of(new TorchResult(torch.shape(at + ".out"), torch.values(at + ".out"), grads));
    }

    /**
     * Why the fixture's inputs of {@code s} are not the registry's (so the fixtures are stale), or empty when
     * every input and the cotangent are bit for bit those of the registry.
     */
    public Optional<String> staleness(OpSpec op, Sample s, double[] cotangent) {
        Integer i = index.get(key(op.name(), s.label()));
        if (i == null) {
            return Optional.of("no fixture for " + op.name() + " (" + s.label() + ")");
        }
        for (int k = 0; k < s.args().size(); k++) {
            Arg arg = s.args().get(k);
            String name = "c" + i + ".x" + k;
            if (!inputs.shape(name).equals(arg.shape()) || !Arrays.equals(inputs.values(name), arg.values())) {
                return Optional.of(op.name() + " (" + s.label() + ") input " + k + " differs from the registry's");
            }
        }
        if (cotangent != null && !Arrays.equals(inputs.values("c" + i + ".cotangent"), cotangent)) {
            return Optional.of(op.name() + " (" + s.label() + ") cotangent differs from the harness's");
        }
        return Optional.empty();
    }

    /** How many samples the fixtures hold. */
    public int size() {
        return cases.size();
    }
}
