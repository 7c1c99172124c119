package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;
import java.util.List;
import java.util.Optional;

/**
 * An autoencoder: an encoder to a code, a decoder back to data space, and its training objective. What only some
 * families can do (sample, pretrain greedily, score by likelihood) each model answers for itself, so callers never
 * ask which family a model is.
 */
public interface Autoencoder extends Objective {
    /** The value this model was built from, which rebuilds it. */
    ModelSpec spec();

    /** The code of {@code x} (a VAE returns the posterior mean, so embeddings are deterministic). */
    Var encode(Var x, Forward pass);

    /** Data-space output for codes {@code z} (probabilities for a Bernoulli decoder). */
    Var decode(Var z, Forward pass);

    /**
     * The layers of this model's inference, for exporters that rebuild its graphs elsewhere.
     *
     * @throws IllegalArgumentException when its inference is no such layers (the recurrent lstm-ae), saying so
     */
    Networks networks();

    /** {@code decode(encode(x))}. */
    default Var reconstruct(Var x, Forward pass) {
        return decode(encode(x, pass), pass);
    }

    /**
     * The anomaly score of each sample of {@code x}, a vector of one value per sample (higher is more anomalous).
     *
     * @throws IllegalArgumentException when this model cannot compute {@code score}
     */
    default Var anomalyScore(Var x, AnomalyScore score, Forward pass) {
        if (score instanceof AnomalyScore.ReconstructionError) {
            return PerSample.meanSquaredError(reconstruct(x, pass), x);
        }
        throw new IllegalArgumentException("a " + spec().family().id() + " model cannot score by " + score.describe()
                + "; it scores by " + AnomalyScore.reconstructionError().describe());
    }

    /**
     * The score this model is best judged by, given {@code samples} Monte-Carlo samples where it draws any: the
     * reconstruction error, or a variational model's reconstruction probability.
     */
    default AnomalyScore preferredAnomalyScore(int samples) {
        return AnomalyScore.reconstructionError();
    }

    /** The model's prior and likelihood, if it has them (the variational families). */
    default Optional<Generative> generative() {
        return Optional.empty();
    }

    /** The greedy layer-wise pretraining stages to run before the main fit, lowest first; none for most families. */
    default List<Objective> pretrainingStages() {
        return List.of();
    }
}
