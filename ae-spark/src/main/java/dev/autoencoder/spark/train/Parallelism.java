package dev.autoencoder.spark.train;

import java.io.Serializable;

/**
 * How the partitions train together. <b>Synchronous</b>: every step the partitions compute the gradient of their
 * shares of one global batch and the driver applies the optimizer to its mean, which equals training on one machine
 * up to the order of float summation, at the price of one Spark job (a broadcast and an aggregation) per step.
 * <b>Local SGD</b>: each partition takes {@code localSteps} optimizer steps on its own shares (each a batch of about
 * batch / partitions samples), then the driver averages parameters and optimizer slots weighted by the samples each
 * partition trained on: {@code localSteps} times fewer jobs and bytes moved, but the partitions' models drift apart
 * between averages, so it converges differently (with one local step of SGD it is the synchronous mode again, up to
 * summation order; Adam's second moment averages the squares of the partitions' gradients instead of the square of
 * their mean, and gradient clipping acts per partition).
 *
 * @param localSteps 0 for synchronous training, else the local steps between averages
 */
public record Parallelism(int localSteps) implements Serializable {
    public Parallelism {
        if (localSteps < 0) {
            throw new IllegalArgumentException("local SGD needs at least 1 local step between averages, got " + localSteps);
        }
    }

    /** Synchronous data parallelism: one global batch per step. */
    public static Parallelism synchronous() {
        return new Parallelism(0);
    }

    /** Local SGD averaging every {@code steps} local steps (at least 1). */
    public static Parallelism localSgd(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("local SGD needs at least 1 local step between averages, got " + steps);
        }
        return new Parallelism(steps);
    }

    /** Whether the partitions average gradients every step. */
    public boolean isSynchronous() {
        return localSteps == 0;
    }

    /** The plan's steps computed by one Spark job: 1, or the local steps. */
    public int stepsPerJob() {
        return isSynchronous() ? 1 : localSteps;
    }

    @Override
    public String toString() {
        return isSynchronous() ? "synchronous" : "local SGD, " + localSteps + " local steps";
    }
}
