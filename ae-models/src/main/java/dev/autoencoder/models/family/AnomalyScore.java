package dev.autoencoder.models.family;

/**
 * How a model scores an anomaly, per sample; higher is more anomalous. Every model scores by reconstruction error;
 * a variational model can also score by the reconstruction probability of An and Cho (2015). A model asked for a
 * score it cannot compute says so ({@link Autoencoder#anomalyScore}).
 */
public sealed interface AnomalyScore {
    /** For reports, e.g. {@code reconstruction MSE}. */
    String describe();

    /** The mean squared error between a sample and its reconstruction. */
    static AnomalyScore reconstructionError() {
        return new ReconstructionError();
    }

    /**
     * The negative Monte-Carlo reconstruction log-probability {@code -(1/L) sum_l log p(x | z_l)}, {@code z_l ~ q(z|x)}.
     *
     * @param samples L, the posterior samples per input (at least 1)
     */
    static AnomalyScore reconstructionProbability(int samples) {
        return new ReconstructionProbability(samples);
    }

    /** The mean squared error between a sample and its reconstruction. */
    record ReconstructionError() implements AnomalyScore {
        @Override
        public String describe() {
            return "reconstruction MSE";
        }
    }

    /**
     * The negative Monte-Carlo reconstruction log-probability of a variational model.
     *
     * @param samples posterior samples per input
     */
    record ReconstructionProbability(int samples) implements AnomalyScore {
        public ReconstructionProbability {
            if (samples < 1) {
                throw new IllegalArgumentException("the reconstruction probability needs at least 1 posterior sample, got " + samples);
            }
        }

        @Override
        public String describe() {
            return "negative reconstruction log-probability";
        }
    }
}
