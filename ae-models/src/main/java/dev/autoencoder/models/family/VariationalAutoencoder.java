package dev.autoencoder.models.family;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Dense;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.nn.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Variational autoencoder (Kingma and Welling 2014), MLP or convolutional. The encoder gives the posterior
 * {@code q(z|x) = N(mu, exp(logVar))} (log-variance clamped for stability); {@code z = mu + exp(logVar / 2) * eps}
 * with {@code eps ~ N(0, I)} drawn in shared code; the loss is
 * {@code scale * L(g(z), x) + beta * w * KL(q(z|x) || N(0, I))}, with {@code w} the KL warm-up weight and {@code L} the
 * mean of {@code -log p(x | z)} over the elements (BCE, or {@code 0.5 (x - x_hat)^2 + 0.5 log 2 pi} for the
 * unit-variance Gaussian), so that a scale of the elements per sample gives the negative ELBO.
 *
 * <p>A conditional VAE (Sohn et al. 2015) is the same model with a {@link Conditioning}: its inputs carry a one-hot
 * class label {@code y} after the flattened sample, the encoder reads it beside {@code x} and the decoder reads
 * {@code [z, onehot(y)]}; its codes, as {@link #decode} takes them, are followed by the one-hot label.
 */
public final class VariationalAutoencoder implements Autoencoder, Generative {
    /** Bounds of the log-variance: exp(-30) to exp(20), far outside what training reaches, never NaN. */
    public static final double LOG_VAR_MIN = -30;
    public static final double LOG_VAR_MAX = 20;

    private final VariationalSpec spec;
    private final Sequential trunk;
    private final Dense meanHead;
    private final Dense logVarHead;
    private final Sequential decoder;
    private final Conditioning conditioning;

    public VariationalAutoencoder(VariationalSpec spec, Sequential trunk, Dense meanHead, Dense logVarHead, Sequential decoder,
            Conditioning conditioning) {
        this.spec = spec;
        this.conditioning = conditioning;
        this.trunk = trunk;
        this.meanHead = meanHead;
        this.logVarHead = logVarHead;
        this.decoder = decoder;
    }

    /** The parameters of {@code q(z|x)}. */
    public record Posterior(Var mean, Var logVar) {
    }

    @Override
    public VariationalSpec spec() {
        return spec;
    }

    /** The approximate posterior of {@code x}. */
    public Posterior posterior(Var x, Forward pass) {
        Var h = conditioning.features(x, trunk, pass);
        var t = pass.tape();
        Var logVar = logVarHead.forward(h, pass).maximum(t.scalar(LOG_VAR_MIN, x.dtype())).minimum(t.scalar(LOG_VAR_MAX, x.dtype()));
        return new Posterior(meanHead.forward(h, pass), logVar);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException for a conditional model, whose inference reads a class label beside the sample
     */
    @Override
    public Networks networks() {
        if (conditioning.classes() > 0) {
            throw new IllegalArgumentException(spec.family().id() + " has no ONNX export yet: its encoder and decoder read a class "
                    + "label beside the sample and the code, which the exported graphs have no input for");
        }
        return new Networks(trunk, Optional.of(new Networks.Posterior(meanHead, logVarHead, LOG_VAR_MIN, LOG_VAR_MAX)), decoder,
                spec.likelihood());
    }

    /** The posterior mean: a deterministic embedding. */
    @Override
    public Var encode(Var x, Forward pass) {
        return posterior(x, pass).mean();
    }

    /** The decoder's output for codes {@code z} (a conditional model's followed by the one-hot label). */
    @Override
    public Var decode(Var z, Forward pass) {
        return spec.likelihood().output(decoder.forward(z, pass));
    }

    /** {@code decode(encode(x))}, a conditional model's under the label of {@code x}. */
    @Override
    public Var reconstruct(Var x, Forward pass) {
        return decode(conditioning.code(encode(x, pass), x), pass);
    }

    /** Standard normal noise of the posterior's shape, drawn from the pass's generator. */
    private Var epsilon(Posterior q, Forward pass) {
        return pass.tape().constant(pass.rng().normal(pass.tape().backend(), q.mean().shape(), q.mean().dtype(), 0, 1));
    }

    /** The reparameterised sample {@code mu + exp(logVar / 2) * eps}. */
    private Var sample(Posterior q, Var eps) {
        return q.mean().add(q.logVar().mul(0.5).exp().mul(eps));
    }

    @Override
    public Loss loss(Var input, Var target, Forward pass) {
        Posterior q = posterior(input, pass);
        Var z = sample(q, epsilon(q, pass));
        // the mean of -log p(x | z) over the elements, so that with a scale of the elements per sample it is the ELBO's
        // reconstruction term for either likelihood (the Gaussian's is 0.5 (x - x_hat)^2 + 0.5 log 2 pi, not the MSE)
        Var reconstruction = spec.likelihood().negLogLikelihood(decoder.forward(conditioning.code(z, input), pass),
                conditioning.data(target)).mean().mul(spec.reconstructionScale());
        Var kl = Functions.klToStdNormal(q.mean(), q.logVar()).mean();
        Map<String, Var> terms = new LinkedHashMap<>();
        terms.put("reconstruction", reconstruction);
        terms.put("kl", kl);
        return new Loss(reconstruction.add(kl.mul(spec.beta() * pass.klWeight())), terms);
    }

    /** {@code log p(x | z)} per sample, summed over every data dimension. */
    private Var logLikelihood(Var raw, Var x) {
        return PerSample.sum(spec.likelihood().negLogLikelihood(raw, x)).neg();
    }

    /**
     * Importance-sampled negative log-likelihood {@code -log (1/k) sum_i p(x, z_i) / q(z_i | x)} per sample, with k
     * posterior samples (Burda et al. 2016); an upper bound on the true NLL that tightens as k grows.
     */
    @Override
    public Var negativeLogLikelihood(Var x, int k, Forward pass) {
        Posterior q = posterior(x, pass);
        double halfLog2Pi = 0.5 * Math.log(2 * Math.PI);
        List<Var> logWeights = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Var eps = epsilon(q, pass);
            Var z = sample(q, eps);
            Var logPz = PerSample.sum(z.square().mul(-0.5).add(-halfLog2Pi));
            Var logQz = PerSample.sum(eps.square().add(q.logVar()).mul(-0.5).add(-halfLog2Pi));
            Var logPx = logLikelihood(decoder.forward(conditioning.code(z, x), pass), conditioning.data(x));
            int n = x.shape().dim(0);
            logWeights.add(logPx.add(logPz).sub(logQz).reshape(n, 1));
        }
        return Functions.logSumExp(pass.tape().concat(logWeights, 1), 1, false).add(-Math.log(k)).neg();
    }

    /**
     * The Monte-Carlo reconstruction log-probability {@code (1/L) sum_l log p(x | z_l)}, {@code z_l ~ q(z|x)}, per
     * sample (An and Cho 2015): low values flag anomalies.
     */
    public Var reconstructionLogProbability(Var x, int samples, Forward pass) {
        Posterior q = posterior(x, pass);
        Var total = null;
        for (int l = 0; l < samples; l++) {
            Var logPx = logLikelihood(decoder.forward(conditioning.code(sample(q, epsilon(q, pass)), x), pass), conditioning.data(x));
            total = total == null ? logPx : total.add(logPx);
        }
        return total.mul(1.0 / samples);
    }

    /** {@code n} draws: codes from the prior {@code N(0, I)}, decoded (a conditional model's of its classes in turn). */
    @Override
    public Var sample(int n, Forward pass) {
        int classes = conditioning.classes();
        if (classes == 0) {
            return decode(prior(n, pass), pass);
        }
        double[] oneHot = new double[n * classes];
        for (int i = 0; i < n; i++) {
            oneHot[i * classes + i % classes] = 1;
        }
        return sample(pass.tape().constant(pass.tape().backend().fromDoubles(oneHot, Shape.of(n, classes), dtype())), pass);
    }

    @Override
    public Var sample(Var oneHot, Forward pass) {
        if (conditioning.classes() == 0 || oneHot.shape().rank() != 2 || oneHot.shape().dim(1) != conditioning.classes()) {
            throw new IllegalArgumentException("a " + spec.family().id() + " model draws samples of " + conditioning.classes()
                    + " classes, not of labels " + oneHot.shape());
        }
        Var z = prior(oneHot.shape().dim(0), pass);
        return decode(z.tape().concat(List.of(z, oneHot), 1), pass);
    }

    /** {@code n} codes from the prior {@code N(0, I)}. */
    private Var prior(int n, Forward pass) {
        return pass.tape().constant(pass.rng().normal(pass.tape().backend(), Shape.of(n, spec.latent()), dtype(), 0, 1));
    }

    private DType dtype() {
        return meanHead.weight().value().dtype();
    }

    /** Scores by reconstruction error, or by the negative reconstruction log-probability. */
    @Override
    public Var anomalyScore(Var x, AnomalyScore score, Forward pass) {
        if (score instanceof AnomalyScore.ReconstructionProbability probability) {
            return reconstructionLogProbability(x, probability.samples(), pass).neg();
        }
        if (score instanceof AnomalyScore.ReconstructionError) {
            return PerSample.meanSquaredError(reconstruct(x, pass), conditioning.data(x));
        }
        return Autoencoder.super.anomalyScore(x, score, pass);
    }

    @Override
    public AnomalyScore preferredAnomalyScore(int samples) {
        return AnomalyScore.reconstructionProbability(samples);
    }

    @Override
    public Optional<Generative> generative() {
        return Optional.of(this);
    }

    @Override
    public Map<String, Parameter> parameters() {
        Map<String, dev.autoencoder.models.nn.Module> parts = new LinkedHashMap<>();
        parts.put("encoder", trunk);
        parts.put("mean", meanHead);
        parts.put("log_var", logVarHead);
        parts.put("decoder", decoder);
        return Sequential.prefixed(parts);
    }
}
