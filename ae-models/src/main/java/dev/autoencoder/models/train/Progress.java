package dev.autoencoder.models.train;

/**
 * Where a run stands between epochs, saved in checkpoints so that a resumed run continues exactly.
 *
 * @param nextEpoch              the first epoch still to run
 * @param bestLoss               the best monitored loss so far
 * @param bestEpoch              the epoch that reached it, or -1
 * @param epochsWithoutImprovement epochs since then
 */
public record Progress(int nextEpoch, double bestLoss, int bestEpoch, int epochsWithoutImprovement) {
    /** A run that has not started. */
    public static Progress start() {
        return new Progress(0, Double.POSITIVE_INFINITY, -1, 0);
    }

    /** Whether {@code monitored} is a new best. */
    public boolean improvedBy(double monitored) {
        return monitored < bestLoss;
    }

    /** Where the run stands after {@code epoch} ended with {@code monitored} as the loss early stopping watches. */
    public Progress after(int epoch, double monitored) {
        return improvedBy(monitored) ? new Progress(epoch + 1, monitored, epoch, 0)
                : new Progress(epoch + 1, bestLoss, bestEpoch, epochsWithoutImprovement + 1);
    }
}
