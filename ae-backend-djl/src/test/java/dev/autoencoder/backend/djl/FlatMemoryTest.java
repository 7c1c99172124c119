package dev.autoencoder.backend.djl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.autoencoder.api.random.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over many W1 training steps (batch 100): every step's tensors die with its scope, and
 * every replaced parameter is released. The module's test JVM commits and touches its whole heap at start, so the
 * growth of the resident set is native memory. The step count comes from {@value #STEPS_PROPERTY} (default
 * {@value #DEFAULT_STEPS}; the figure in the README was taken with 5000). Only a generous bound on growth is
 * asserted: without scopes a step leaks megabytes, so a few hundred steps would exceed it many times over.
 */
class FlatMemoryTest {
    static final String STEPS_PROPERTY = "ae.djl.memory.steps";
    static final int DEFAULT_STEPS = 200;
    /** Steps before the baseline is taken: libtorch's allocator and the JIT settle first. */
    static final int WARM_UP = 50;
    static final long MAX_GROWTH_MB = 100;
    static final int REPORT_EVERY = 1000;

    @Test
    void w1TrainingKeepsResidentMemoryFlat() throws IOException {
        int steps = Integer.getInteger(STEPS_PROPERTY, DEFAULT_STEPS);
        DjlBackend backend = new DjlBackend(2, Device.cpu());
        Rng rng = new Rng(7);
        MlpAe model = new MlpAe(backend, rng);
        long start = 0;
        double loss = Double.NaN;
        for (int step = 1; step <= steps; step++) {
            loss = model.step(MlpAe.randomBatch(rng, 100), 0.1);
            if (step == WARM_UP) {
                start = rssMb();
            }
            if (step % REPORT_EVERY == 0) {
                System.out.printf("W1 step %d: loss %.4f, VmRSS %d MB%n", step, loss, rssMb());
            }
        }
        long end = rssMb();
        System.out.printf("W1 on djl, %d steps of batch 100: VmRSS %d MB after %d steps, %d MB at the end (loss %.4f)%n",
                steps, start, WARM_UP, end, loss);
        assertTrue(Double.isFinite(loss), "loss " + loss);
        assertTrue(end - start < MAX_GROWTH_MB, "resident memory grew from " + start + " MB to " + end + " MB");
    }

    /** The resident set size of this process, from {@code /proc/self/status}. */
    static long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
