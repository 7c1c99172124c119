package dev.autoencoder.cli.option;

import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.ModelRequest;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.Sparsity;
import dev.autoencoder.models.nn.Activation;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that choose a model: a family fitted to the data ({@code --model}, and its settings, one option each
 * as the library's {@link ModelRequest} names them), or an exact benchmark workload ({@code --preset}).
 */
public final class ModelOptions {
    @ArgGroup(exclusive = true, heading = "The model (one of; default: --model ae):%n")
    private Choice choice;

    /** {@code --model} or {@code --preset}, not both. */
    static final class Choice {
        @Option(names = "--model", paramLabel = "FAMILY", completionCandidates = Choices.Families.class,
                description = "Model family: ${COMPLETION-CANDIDATES}. The architecture is fitted to the data.")
        Family family;

        @Option(names = "--preset", paramLabel = "NAME", completionCandidates = Choices.PresetNames.class,
                description = "An exact benchmark model of WORKLOADS.md: ${COMPLETION-CANDIDATES} (28x28 images; the "
                        + "convolutional ones pad them to 32x32).")
        Presets preset;
    }

    @Option(names = "--latent", paramLabel = "N", description = "Code size. Default: the family's for the data.")
    private Integer latent;

    @Option(names = "--hidden", paramLabel = "SIZES", split = ",",
            description = "Hidden layer sizes (MLP) or channels per stride-2 convolution, outermost first, e.g. 256,64.")
    private List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", description = "Hidden activation: relu, leaky-relu, sigmoid, tanh or "
            + "identity. Default: relu (contractive-ae: sigmoid; it takes sigmoid or tanh).")
    private Activation activation;

    @Option(names = "--likelihood", paramLabel = "NAME", description = "Decoder likelihood: bernoulli (sigmoid output, BCE) or "
            + "gaussian (identity output, MSE). Default: bernoulli.")
    private Likelihood likelihood;

    /** The input corruption of denoising-ae (masking 0.3 by default) and stacked-ae (none by default). */
    @Mixin
    private NoiseOptions noise;

    @Option(names = "--contractive-lambda", paramLabel = "LAMBDA", description = "Weight of contractive-ae's penalty. Default: 0.1.")
    private Double lambda;

    @Option(names = "--sparsity", paramLabel = "KIND", description = "sparse-ae's penalty: kl (mean activations of sigmoid codes "
            + "near a target) or l1 (of the codes). Default: kl.")
    private Sparsity.Kind sparsity;

    @Option(names = "--sparsity-target", paramLabel = "RHO", description = "The kl penalty's target activation. Default: 0.05.")
    private Double sparsityTarget;

    @Option(names = "--sparsity-weight", paramLabel = "WEIGHT", description = "Weight of sparse-ae's penalty. Default: 0.01.")
    private Double sparsityWeight;

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout probability after each hidden layer while training "
            + "(ae, denoising-ae, sparse-ae, vae, cvae). Default: 0.")
    private Double dropout;

    @Option(names = "--beta", paramLabel = "BETA", description = "Weight of a VAE's KL term. Default: 1.")
    private Double beta;

    /** The name runs are called by: the preset's, else the family's. */
    public String name() {
        return preset().map(Presets::id).orElseGet(() -> request().family().id());
    }

    /** The preset asked for, if any. */
    public Optional<Presets> preset() {
        return Optional.ofNullable(choice).map(c -> c.preset);
    }

    /** Whether any option here was given (a resumed run must then ask for the model it continues). */
    public boolean given() {
        return choice != null || settingsGiven();
    }

    private boolean settingsGiven() {
        return !request().equals(ModelRequest.of(request().family()));
    }

    /** The family asked for (ae by default) and its settings. */
    private ModelRequest request() {
        return new ModelRequest(choice != null && choice.family != null ? choice.family : Family.AE, hidden, latent, activation,
                likelihood, noise.kind, noise.level, lambda, sparsity, sparsityTarget, sparsityWeight, dropout, beta);
    }

    /** The model these options describe, for unlabelled samples of {@code dataShape} from data {@code dataName}. */
    public ModelSpec spec(int[] dataShape, String dataName) {
        return spec(dataShape, dataName, 0);
    }

    /** The model these options describe, for samples of {@code dataShape} from data {@code dataName} of {@code classes} classes. */
    public ModelSpec spec(int[] dataShape, String dataName, int classes) {
        Optional<Presets> preset = preset();
        if (preset.isPresent()) {
            if (settingsGiven()) {
                throw new IllegalArgumentException("--preset " + preset.get().id() + " is an exact model: it takes no other model option");
            }
            return preset.get().spec();
        }
        try {
            return request().specFor(dataShape, dataName, classes);
        } catch (ModelRequest.Inapplicable e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }
}
