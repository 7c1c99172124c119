package dev.autoencoder.models.bench;

import dev.autoencoder.models.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times training steps as the trainer reports them and gives each pass's throughput, leaving out the first
 * {@code warmupSteps} steps of the first pass. A step's time runs from the end of the step before it, so batching
 * and bookkeeping between steps count, as they do in real training.
 */
final class StepClock implements TrainingListener {
    private final int warmupSteps;
    private final int samplesPerPass;
    private final int batchSize;
    private final Runnable onWarm;
    private final List<Double> passes = new ArrayList<>();
    private long last;
    private long nanos;
    private long samples;
    private long timedSteps;
    private long timedNanos;

    /**
     * @param warmupSteps    steps of the first pass left out
     * @param samplesPerPass training samples per pass
     * @param batchSize      samples per step (the last step of a pass may have fewer)
     * @param onWarm         run once, when the warm-up ends (before the first timed step)
     */
    StepClock(int warmupSteps, int samplesPerPass, int batchSize, Runnable onWarm) {
        this.warmupSteps = warmupSteps;
        this.samplesPerPass = samplesPerPass;
        this.batchSize = batchSize;
        this.onWarm = onWarm;
    }

    /** Starts the clock; call right before training. */
    void start() {
        last = System.nanoTime();
        if (warmupSteps == 0) {
            onWarm.run();
        }
    }

    @Override
    public void onStep(int epoch, int step, int stepsPerEpoch, Map<String, Double> terms, double samplesPerSecond) {
        long now = System.nanoTime();
        if (epoch > 0 || step >= warmupSteps) {
            nanos += now - last;
            timedNanos += now - last;
            samples += Math.min(batchSize, samplesPerPass - (long) step * batchSize);
            timedSteps++;
        }
        if (step + 1 == stepsPerEpoch && samples > 0) {
            passes.add(samples / (nanos / 1e9));
            nanos = 0;
            samples = 0;
        }
        if (epoch == 0 && step + 1 == warmupSteps) {
            onWarm.run();
        }
        last = System.nanoTime();
    }

    /** The median throughput of the passes, in samples per second. */
    double medianSamplesPerSecond() {
        return Medians.of(passes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The mean time of a timed step, in milliseconds. */
    double meanStepMillis() {
        return timedNanos / 1e6 / timedSteps;
    }

    /** Steps that were timed. */
    long timedSteps() {
        return timedSteps;
    }

}
