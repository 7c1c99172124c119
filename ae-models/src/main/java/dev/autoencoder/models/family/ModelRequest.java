package dev.autoencoder.models.family;

import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Cell;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A model asked for by its family and settings, each null for the family's default: what {@code ae train}'s model
 * options say. {@link #spec} fits it to the data: a default architecture for the sample shape (MLP hidden sizes
 * narrowing towards the code; two or three stride-2 convolutions for images; one LSTM, or two or three stride-2
 * 1-D convolutions, for windows of a series), adjusted by the settings given.
 * Settings are named as the options that set them ({@code sparsity-target}); one the family does not have is
 * refused with an {@link Inapplicable}.
 *
 * @param family         the family
 * @param hidden         hidden layer sizes, or a convolutional model's channels (conv1d-ae's too), outermost first; lstm-ae's
 *                       one hidden size
 * @param latent         code size
 * @param activation     the hidden activation (sigmoid or tanh for the contractive autoencoder)
 * @param likelihood     the decoder's likelihood
 * @param noise          the training noise's kind (denoising and stacked autoencoders; masking by default)
 * @param noiseLevel     its level (0.3 by default)
 * @param lambda         the contractive penalty's weight
 * @param sparsity       the sparsity penalty (kl by default)
 * @param sparsityTarget the kl penalty's target mean activation
 * @param sparsityWeight the sparsity penalty's weight
 * @param dropout        the probability of dropping each hidden activation while training
 * @param beta           a variational model's KL weight
 */
public record ModelRequest(Family family, List<Integer> hidden, Integer latent, Activation activation, Likelihood likelihood,
        Noise.Kind noise, Double noiseLevel, Double lambda, Sparsity.Kind sparsity, Double sparsityTarget, Double sparsityWeight,
        Double dropout, Double beta) {
    /** The families with a training noise. */
    private static final Set<Family> NOISY = EnumSet.of(Family.DENOISING_AE, Family.STACKED_AE);
    /** The families whose MLP layers dropout may follow. */
    private static final Set<Family> DROPOUT = EnumSet.of(Family.AE, Family.DENOISING_AE, Family.SPARSE_AE, Family.VAE, Family.CVAE);

    /** A setting given for a family that does not have it; the message starts with the setting's name. */
    public static final class Inapplicable extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Inapplicable(String message) {
            super(message);
        }
    }

    /** {@code family} with every default. */
    public static ModelRequest of(Family family) {
        return new ModelRequest(family, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The spec of this request for data of samples shaped {@code dataShape}: windows in the family's layout, images
     * padded for a convolutional family, every value a feature for the others.
     *
     * @param dataName names the data in the error for samples a family cannot take
     * @param classes  the data's classes (0 for unlabelled data), which a conditional model is conditioned on
     * @throws Inapplicable             when a setting does not apply to the family
     * @throws IllegalArgumentException when the family cannot take the samples, or the settings describe no valid model
     */
    public ModelSpec specFor(int[] dataShape, String dataName, int classes) {
        return spec(family.windowLayout().map(layout -> InputShapes.window(dataShape, layout, family.id()))
                .orElseGet(() -> family.convolutional() ? InputShapes.convolutional(dataShape, dataName) : InputShapes.flat(dataShape)),
                classes);
    }

    /**
     * The spec of this request for samples of {@code inputShape}.
     *
     * @throws Inapplicable             when a setting does not apply to the family
     * @throws IllegalArgumentException when the settings describe no valid model (e.g. a relu contractive encoder)
     */
    public ModelSpec spec(List<Integer> inputShape) {
        return spec(inputShape, 0);
    }

    /**
     * The spec of this request for samples of {@code inputShape} labelled with {@code classes} classes (0 for unlabelled
     * samples), which a conditional model is conditioned on.
     *
     * @throws Inapplicable             when a setting does not apply to the family
     * @throws IllegalArgumentException when the settings describe no valid model, or a conditional one has no labels
     */
    public ModelSpec spec(List<Integer> inputShape, int classes) {
        if (family.conditional() && classes == 0) {
            throw new IllegalArgumentException(family.id() + " is conditioned on class labels, which this data does not give it");
        }
        require("hidden", hidden, f -> f != Family.CONTRACTIVE_AE);
        require("noise", noise, NOISY::contains);
        require("noise-level", noiseLevel, NOISY::contains);
        require("contractive-lambda", lambda, f -> f == Family.CONTRACTIVE_AE);
        require("sparsity", sparsity, f -> f == Family.SPARSE_AE);
        require("sparsity-target", sparsityTarget, f -> f == Family.SPARSE_AE);
        require("sparsity-weight", sparsityWeight, f -> f == Family.SPARSE_AE);
        require("dropout", dropout, DROPOUT::contains);
        require("beta", beta, Family::variational);
        require("activation", activation, f -> f != Family.LSTM_AE);
        int size = inputShape.stream().reduce(1, (a, b) -> a * b);
        int side = inputShape.size() == 3 ? inputShape.get(1) : 0;
        int h1 = Math.max(16, Math.min(512, size / 2));
        int h2 = Math.max(8, h1 / 4);
        List<Integer> layers = hidden != null ? hidden : family.convolutional() ? side % 8 == 0 ? List.of(32, 64, 128) : List.of(32, 64)
                : List.of(h1, h2);
        int code = latent != null ? latent : family.convolutional() ? 2 : Math.max(2, Math.min(32, h2 / 2));
        Activation a = activation != null ? activation : Activation.RELU;
        Likelihood l = likelihood != null ? likelihood : Likelihood.BERNOULLI;
        double p = dropout != null ? dropout : 0;
        double kl = beta != null ? beta : 1;
        Noise corruption = noise == null && noiseLevel == null ? null
                : new Noise(noise != null ? noise : Noise.Kind.MASKING, noiseLevel != null ? noiseLevel : 0.3);
        return switch (family) {
            case AE -> new AeSpec(inputShape, layers, code, a, l, p);
            case STACKED_AE -> new StackedAeSpec(inputShape, layers, code, a, l, corruption);
            case DENOISING_AE -> new DenoisingAeSpec(inputShape, layers, code, a, l,
                    corruption != null ? corruption : new Noise(Noise.Kind.MASKING, 0.3), p);
            case CONTRACTIVE_AE -> new ContractiveAeSpec(inputShape, latent != null ? latent : Math.max(8, size / 4),
                    activation != null ? activation : Activation.SIGMOID, l, lambda != null ? lambda : 0.1);
            case SPARSE_AE -> new SparseAeSpec(inputShape, layers, code, a, l, penalty(), p);
            case CONV_AE -> new ConvAeSpec(inputShape, layers, code, a, l);
            case VAE -> new VaeSpec(inputShape, layers, code, a, l, kl, size, p);
            case CONV_VAE -> new ConvVaeSpec(inputShape, layers, code, a, l, kl, size);
            case CVAE -> new CvaeSpec(inputShape, layers, code, a, l, kl, size, p, classes);
            case CONV_CVAE -> new ConvCvaeSpec(inputShape, layers, code, a, l, kl, size, classes);
            case LSTM_AE -> sequence(inputShape);
            case CONV1D_AE -> windows(inputShape, a);
        };
    }

    /**
     * The sequence model's spec: an LSTM of 8 hidden features per channel (16 to 128) and a code of a quarter of them
     * (at least 2), Gaussian (MSE) by default, as series are real-valued.
     */
    private ModelSpec sequence(List<Integer> inputShape) {
        if (hidden != null && hidden.size() != 1) {
            throw new Inapplicable("hidden takes one size for " + family.id() + " (one recurrent layer), got " + hidden);
        }
        int channels = inputShape.size() == 2 ? inputShape.get(1) : 1;
        int h = hidden != null ? hidden.get(0) : Math.max(16, Math.min(128, 8 * channels));
        return new LstmAeSpec(inputShape, Cell.LSTM, h, latent != null ? latent : Math.max(2, h / 4),
                likelihood != null ? likelihood : Likelihood.GAUSSIAN);
    }

    /**
     * The 1-D convolutional model's spec: three stride-2 convolutions of 32, 64 and 128 channels when the window's steps
     * are a multiple of 8, else two of 32 and 64; kernel 7 (three such convolutions see 43 steps at each position of their
     * output); a code of an eighth of the window's values (2 to 32); Gaussian (MSE) by default, as series are
     * real-valued.
     */
    private ModelSpec windows(List<Integer> inputShape, Activation a) {
        int size = inputShape.stream().reduce(1, (x, y) -> x * y);
        int steps = inputShape.size() == 2 ? inputShape.get(1) : 0;
        List<Integer> channels = hidden != null ? hidden : steps % 8 == 0 ? List.of(32, 64, 128) : List.of(32, 64);
        return new Conv1dAeSpec(inputShape, channels, 7, latent != null ? latent : Math.max(2, Math.min(32, size / 8)), a,
                likelihood != null ? likelihood : Likelihood.GAUSSIAN);
    }

    private Sparsity penalty() {
        double weight = sparsityWeight != null ? sparsityWeight : 0.01;
        if (sparsity == Sparsity.Kind.L1) {
            if (sparsityTarget != null) {
                throw new Inapplicable("sparsity-target applies to the kl sparsity, not l1");
            }
            return new Sparsity.L1(weight);
        }
        return new Sparsity.KL(sparsityTarget != null ? sparsityTarget : 0.05, weight);
    }

    private void require(String setting, Object value, Predicate<Family> has) {
        if (value != null && !has.test(family)) {
            List<String> families = Arrays.stream(Family.values()).filter(has).map(Family::id).toList();
            String list = families.size() == 1 ? families.get(0) : String.join(", ", families.subList(0, families.size() - 1))
                    + " and " + families.get(families.size() - 1);
            throw new Inapplicable(setting + " applies to " + list + ", not " + family.id());
        }
    }
}
