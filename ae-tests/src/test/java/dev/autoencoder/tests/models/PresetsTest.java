package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.factory.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workloads are exactly WORKLOADS.md's, with PyTorch's parameter names and layouts. */
class PresetsTest {
    private static Autoencoder build(Presets preset) {
        return Models.build(preset.spec(), new Init(new PureBackend(1), DType.F32, new Rng(1)));
    }

    @Test
    void parameterCountsMatchTheWorkloads() {
        assertEquals(944_176, build(Presets.MLP_AE).parameterCount());
        assertEquals(343_043, build(Presets.CONV_AE).parameterCount());
        assertEquals(347_141, build(Presets.CONV_VAE).parameterCount());
        assertEquals(54_872, build(Presets.LSTM_AE).parameterCount());
    }

    @Test
    void theSequenceWorkloadHasPyTorchsLstmAndLinearNames() {
        var lstm = build(Presets.LSTM_AE).parameters();
        List<String> rnn = List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0");
        List<String> expected = new java.util.ArrayList<>();
        rnn.forEach(n -> expected.add("encoder." + n));
        List.of("code", "expand").forEach(d -> expected.addAll(List.of(d + ".weight", d + ".bias")));
        rnn.forEach(n -> expected.add("decoder." + n));
        expected.addAll(List.of("output.weight", "output.bias"));
        assertEquals(expected, List.copyOf(lstm.keySet()));
        assertEquals(Shape.of(256, 8), lstm.get("encoder.weight_ih_l0").shape(), "nn.LSTM(8, 64): gates i, f, g, o of 64 rows each");
        assertEquals(Shape.of(16, 64), lstm.get("code.weight").shape());
        assertEquals(Shape.of(64, 16), lstm.get("expand.weight").shape());
        assertEquals(Shape.of(256, 64), lstm.get("decoder.weight_ih_l0").shape(), "nn.LSTM(64, 64) fed the expanded code");
        assertEquals(Shape.of(8, 64), lstm.get("output.weight").shape());
    }

    @Test
    void namesAndLayoutsFollowPyTorch() {
        var mlp = build(Presets.MLP_AE).parameters();
        assertEquals(List.of("encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias", "encoder.4.weight",
                "encoder.4.bias", "decoder.0.weight", "decoder.0.bias", "decoder.2.weight", "decoder.2.bias", "decoder.4.weight",
                "decoder.4.bias"), List.copyOf(mlp.keySet()));
        assertEquals(Shape.of(512, 784), mlp.get("encoder.0.weight").shape(), "Linear weights are [out, in]");
        var conv = build(Presets.CONV_VAE).parameters();
        assertEquals(Shape.of(32, 1, 3, 3), conv.get("encoder.0.weight").shape(), "Conv2d weights are [out, in, kh, kw]");
        assertEquals(Shape.of(128, 128, 3, 3), conv.get("decoder.2.weight").shape(), "ConvTranspose2d weights are [in, out, kh, kw]");
        assertEquals(Shape.of(128, 64, 3, 3), conv.get("decoder.4.weight").shape());
        assertEquals(Shape.of(1, 32, 3, 3), conv.get("decoder.8.weight").shape());
        assertEquals(Shape.of(2, 2048), conv.get("mean.weight").shape());
        assertEquals(Shape.of(2, 2048), conv.get("log_var.weight").shape());
    }

    @Test
    void initialisationFollowsPyTorchBounds() {
        var p = build(Presets.CONV_AE).parameters();
        double convBound = 1 / Math.sqrt(1 * 9);
        assertMaxAbsBelow(p.get("encoder.0.weight").value(), convBound);
        // PyTorch takes a transposed convolution's fan-in from the weight's second dimension, its output channels
        // ([in, out, kh, kw]); decoder.4 maps 128 channels to 64, so only 64 * 9 tells the convention from its mirror
        assertEquals(Shape.of(128, 64, 3, 3), p.get("decoder.4.weight").shape());
        assertMaxAbsBelow(p.get("decoder.4.weight").value(), 1 / Math.sqrt(64 * 9));
    }

    private static void assertMaxAbsBelow(dev.autoencoder.api.Tensor t, double bound) {
        double max = 0;
        for (double v : t.backend().toDoubles(t)) {
            max = Math.max(max, Math.abs(v));
        }
        assertEquals(true, max <= bound && max > 0.8 * bound, "max |w| " + max + " against bound " + bound);
    }

    @Test
    void specsRoundTripThroughJson() {
        for (Presets preset : Presets.values()) {
            assertEquals(preset.spec(), ModelSpec.fromJson(preset.spec().toJson()));
        }
        for (ModelZoo.Entry e : ModelZoo.tiny()) {
            assertEquals(e.spec(), ModelSpec.fromJson(e.spec().toJson()), e.name());
        }
    }
}
