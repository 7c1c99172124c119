package dev.autoencoder.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.random.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native memory stays flat over many W1 training steps when each step runs in one scope and parameters are kept
 * out of it. The step count is {@value #STEPS_PROPERTY} (default {@value #DEFAULT_STEPS}; run 5000 by hand:
 * {@code ./mvnw -B -o test -pl ae-backend-nd4j -Dtest=FlatMemoryTest -Dae.nd4j.memory.steps=5000}).
 */
class FlatMemoryTest {
    private static final Logger LOG = LoggerFactory.getLogger(FlatMemoryTest.class);
    private static final String STEPS_PROPERTY = "ae.nd4j.memory.steps";
    private static final int DEFAULT_STEPS = 300;
    private static final Path STATUS = Path.of("/proc/self/status");
    /** Generous: workspaces and allocator caches settle within the first steps; a leak of one step's temporaries grows by GBs. */
    private static final long ALLOWED_GROWTH_MB = 300;

    @Test
    void residentMemoryStaysFlatOverW1TrainingSteps() throws IOException {
        assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status (Linux)");
        int steps = Integer.getInteger(STEPS_PROPERTY, DEFAULT_STEPS);
        Nd4jBackend backend = new Nd4jBackend(2);
        Rng rng = new Rng(7);
        W1Network net = new W1Network(backend, rng);
        Tensor[] batches = new Tensor[10];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = W1Network.randomBatch(backend, rng, 100);
        }
        long initialMb = residentMb();
        int warmUp = Math.min(20, steps);
        for (int i = 0; i < warmUp; i++) {
            net.step(batches[i % batches.length], 0.1);
        }
        long startMb = residentMb();
        double loss = 0;
        for (int i = warmUp; i < steps; i++) {
            loss = net.step(batches[i % batches.length], 0.1);
        }
        long endMb = residentMb();
        LOG.info("W1 on nd4j: RSS {} MB before training, {} MB after {} warm-up steps, {} MB after {} steps (loss {})",
                initialMb, startMb, warmUp, endMb, steps, loss);
        assertTrue(Double.isFinite(loss), "loss " + loss);
        assertTrue(endMb - startMb < ALLOWED_GROWTH_MB, "RSS grew from " + startMb + " MB to " + endMb + " MB over "
                + (steps - warmUp) + " steps");
    }

    /** VmRSS of this process in MB. */
    private static long residentMb() throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IOException("no VmRSS line in " + STATUS);
    }
}
