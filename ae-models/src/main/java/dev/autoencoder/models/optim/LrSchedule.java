package dev.autoencoder.models.optim;

/** The learning rate of each epoch (0-based). */
@FunctionalInterface
public interface LrSchedule {
    /** The learning rate during {@code epoch}. */
    double at(int epoch);

    /** The same rate throughout. */
    static LrSchedule constant(double lr) {
        return epoch -> lr;
    }

    /** {@code lr * gamma^(epoch / every)}: PyTorch's {@code StepLR}. */
    static LrSchedule step(double lr, int every, double gamma) {
        if (every < 1) {
            throw new IllegalArgumentException("step schedule needs every >= 1, got " + every);
        }
        return epoch -> lr * Math.pow(gamma, epoch / every);
    }

    /** Cosine annealing from {@code lr} to {@code minLr} over {@code epochs}: PyTorch's {@code CosineAnnealingLR}. */
    static LrSchedule cosine(double lr, int epochs, double minLr) {
        return epoch -> minLr + (lr - minLr) * (1 + Math.cos(Math.PI * Math.min(epoch, epochs) / epochs)) / 2;
    }

    /** A linear warm-up over the first {@code warmupEpochs} epochs ({@code (e+1)/w} of the rate), then this schedule. */
    default LrSchedule withWarmup(int warmupEpochs) {
        return epoch -> epoch < warmupEpochs ? at(epoch) * (epoch + 1) / warmupEpochs : at(epoch);
    }
}
