package dev.autoencoder.tests.cli;

import static dev.autoencoder.tests.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.cli.Main;
import dev.autoencoder.cli.command.BenchCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code ae bench} on the real Fashion-MNIST files, cut short: every field of WORKLOADS.md is there and sane on
 * every backend, FLOPs are counted exactly, and bad requests are refused. Timings are printed, never asserted.
 */
class BenchCommandTest {
    private static final String[] SHORT = {"--quick", "--steps", "3", "--warmup", "1", "--repeats", "1"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBackendReportsEveryFieldFromAProcessOfItsOwn() throws IOException {
        Cli.Result result = run(args("bench", "--workload", "mlp-ae")).ok();
        System.out.print(result.out());
        List<JsonNode> lines = lines(result.out());
        Set<String> backends = new TreeSet<>();
        for (JsonNode line : lines) {
            backends.add(line.get("backend").asText());
            assertEquals("mlp-ae", line.get("workload").asText());
            assertEquals(2, line.get("threads").asInt());
            for (String field : List.of("train_samples_per_s", "infer_samples_per_s", "gflops_per_s", "peak_rss_mb")) {
                assertTrue(line.get(field).asDouble() > 0, field + " in " + line);
            }
            double loss = line.get("test_loss").asDouble();
            assertTrue(loss > 0.2 && loss < 0.75, "a binary cross-entropy after a few steps: " + line);
            // One pass of 3 steps of 100 of the 60,000 training images, the first step left out of the timing.
            assertEquals(300 / 60_000.0, line.get("epochs").asDouble(), 1e-4);
            assertEquals(2, line.get("timed_steps").asInt());
            // Forward 2 * sum(in * out) per sample, weight gradients as much, input gradients all but the first layer's.
            long forward = 2L * (784 * 512 + 512 * 128 + 128 * 32 + 32 * 128 + 128 * 512 + 512 * 784);
            assertEquals((3 * forward - 2L * 784 * 512) / 1e6, line.get("train_mflop_per_sample").asDouble(), 1e-4);
        }
        assertEquals(new TreeSet<>(Backends.all(new BackendSettings(1)).keySet()), backends);
    }

    @Test
    void aConvolutionalProfileNamesThePrimitives() throws IOException {
        Cli.Result result = run(args("bench", "--workload", "conv-vae", "--backend", "pure", "--no-fork", "--profile")).ok();
        JsonNode line = lines(result.out()).get(0);
        assertEquals("conv-vae", line.get("workload").asText());
        assertTrue(line.get("test_loss").asDouble() > 100, "500 x BCE + KL: " + line);
        for (String primitive : List.of("conv2d ", "conv2dInputGrad", "conv2dWeightGrad", "conv2dTranspose", "matmul")) {
            assertTrue(result.err().contains("  " + primitive), primitive + " in the profile:\n" + result.err());
        }
        assertTrue(result.err().contains("conv-vae on pure: 2 steps"), result.err());
    }

    @Test
    void theSequenceWorkloadRunsOnTheGeneratedWindowsAndCountsTheGateProducts() throws IOException {
        JsonNode line = lines(run(args("bench", "--workload", "lstm-ae", "--backend", "pure", "--no-fork")).ok().out()).get(0);
        assertEquals("lstm-ae", line.get("workload").asText());
        assertEquals(300 / 20_000.0, line.get("epochs").asDouble(), 1e-6, "3 steps of the 20,000 training windows");
        double loss = line.get("test_loss").asDouble();
        assertTrue(loss > 0.3 && loss < 2, "the MSE of standardised windows after a few steps: " + line);
        // Per window of 64 steps (T), 8 channels (C), hidden 64 (H, 4H gate rows), code 16 (Z), 2 FLOPs per multiply-add:
        // both LSTMs' hidden gates every step, forward, weight gradient and (all but the first step's zero state) input
        // gradient; the encoder's input gates every step, forward and weight gradient; the decoder's input gates once
        // (its input is the same at every step), forward and both gradients; the Linears forward and both gradients.
        long t = 64, c = 8, h = 64, g = 4 * h, z = 16;
        long hiddenGates = 2 * (2 * h * g) * (3 * t - 1);
        long inputGates = 2 * (2 * t * c * g) + 3 * (2 * h * g);
        long linears = 3 * 2 * (h * z + z * h + t * h * c);
        assertEquals((hiddenGates + inputGates + linears) / 1e6, line.get("train_mflop_per_sample").asDouble(), 1e-4);
    }

    @Test
    void badRequestsAreRefused() {
        run("bench", "--workload", "transformer").badInput("unknown preset 'transformer'");
        run("bench", "--backend", "no-such-backend").badInput("backend 'no-such-backend' is not available");
        run("bench", "--workload", "mlp-ae", "--no-fork", "--backend", "pure", "--quick", "--steps", "3", "--repeats", "1",
                "--warmup", "9").badInput("--warmup 9 leaves no step to time");
        run("bench", "--repeats", "0").badInput("--repeats");
    }

    @Test
    void theForkedJvmRunsTheRealEntryPoint() {
        assertEquals(Main.class.getName(), BenchCommand.MAIN_CLASS);
    }

    private static String[] args(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(SHORT));
        return all.toArray(String[]::new);
    }

    private static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.strip().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertTrue(!lines.isEmpty(), "JSON lines on stdout");
        return lines;
    }
}
