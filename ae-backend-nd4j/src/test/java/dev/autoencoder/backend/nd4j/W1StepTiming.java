package dev.autoencoder.backend.nd4j;

import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.api.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times W1 training steps (forward, backward, SGD; batch 100, F32) on every backend on the classpath in one run,
 * alternating rounds of steps between the backends so that they share whatever else the machine is doing, and
 * prints the median milliseconds per step and samples per second. Run by hand, not by the test suite, with the pure
 * backend's classes added to compare with it (this module does not depend on another backend):
 * <pre>
 * ./mvnw -q -o dependency:build-classpath -pl ae-backend-nd4j -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp ae-backend-nd4j/target/test-classes:ae-backend-nd4j/target/classes:$(cat /tmp/cp.txt):ae-backend-pure/target/classes \
 *     dev.autoencoder.backend.nd4j.W1StepTiming [rounds] [threads]
 * </pre>
 */
public final class W1StepTiming {
    private static final int BATCH = 100;
    private static final int STEPS_PER_ROUND = 10;

    private W1StepTiming() {
    }

    /** Arguments: rounds of {@value #STEPS_PER_ROUND} steps per backend (default 30), threads (default 2). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<Trainer> trainers = new ArrayList<>();
        Backends.all(new BackendSettings(threads)).values().forEach(b -> trainers.add(new Trainer(b, rounds * STEPS_PER_ROUND)));
        for (Trainer t : trainers) {
            t.steps(STEPS_PER_ROUND * 3, false);
        }
        for (int r = 0; r < rounds; r++) {
            for (Trainer t : trainers) {
                t.steps(STEPS_PER_ROUND, true);
            }
        }
        for (Trainer t : trainers) {
            double[] ms = t.sortedTimes();
            double median = ms[ms.length / 2];
            System.out.printf("W1 step on %-5s (%s, %d threads): median %.2f ms/step (p10 %.2f, p90 %.2f), %.0f samples/s%n",
                    t.backend.name(), t.backend.version(), threads, median, ms[ms.length / 10], ms[ms.length * 9 / 10],
                    BATCH * 1000 / median);
        }
    }

    /** One backend's network, data and step times. */
    private static final class Trainer {
        private final TensorBackend backend;
        private final W1Network net;
        private final Tensor[] batches = new Tensor[10];
        private final double[] ms;
        private int measured;
        private int step;

        Trainer(TensorBackend backend, int steps) {
            this.backend = backend;
            Rng rng = new Rng(11);
            this.net = new W1Network(backend, rng);
            for (int i = 0; i < batches.length; i++) {
                batches[i] = W1Network.randomBatch(backend, rng, BATCH);
            }
            this.ms = new double[steps];
        }

        void steps(int n, boolean measure) {
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                net.step(batches[step++ % batches.length], 0.05);
                if (measure) {
                    ms[measured++] = (System.nanoTime() - start) / 1e6;
                }
            }
        }

        double[] sortedTimes() {
            double[] sorted = Arrays.copyOf(ms, measured);
            Arrays.sort(sorted);
            return sorted;
        }
    }
}
