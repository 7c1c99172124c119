package dev.autoencoder.cli.option;

import dev.autoencoder.data.catalog.InputShapes;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that choose a model: a family with an architecture fitted to the data ({@code --model}, adjustable
 * with {@code --latent} and {@code --hidden}), or an exact benchmark workload ({@code --preset}); and the family's
 * own settings (the denoising noise, the VAE's beta).
 */
public final class ModelOptions {
    /** The family used when neither {@code --model} nor {@code --preset} is given. */
    public static final Family DEFAULT_FAMILY = Family.AE;

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

    /** The input corruption of denoising-ae (masking 0.3 by default) and stacked-ae (none by default). */
    @Mixin
    private NoiseOptions noise;

    @Option(names = "--beta", paramLabel = "BETA", description = "Weight of a VAE's KL term. Default: 1.")
    private Double beta;

    /** The name runs are called by: the preset's, else the family's. */
    public String name() {
        return preset().map(Presets::id).orElseGet(() -> family().id());
    }

    /** The preset asked for, if any. */
    public Optional<Presets> preset() {
        return Optional.ofNullable(choice).map(c -> c.preset);
    }

    /** Whether any option here was given (a resumed run must then ask for the model it continues). */
    public boolean given() {
        return choice != null || latent != null || hidden != null || noise.given() || beta != null;
    }

    private Family family() {
        return choice != null && choice.family != null ? choice.family : DEFAULT_FAMILY;
    }

    /** The model these options describe, for samples of {@code dataShape} from data {@code dataName}. */
    public ModelSpec spec(int[] dataShape, String dataName) {
        Optional<Presets> preset = preset();
        if (preset.isPresent()) {
            if (latent != null || hidden != null || noise.given() || beta != null) {
                throw new IllegalArgumentException("--preset " + preset.get().id() + " is an exact model: it takes no "
                        + "--latent, --hidden, --noise, --noise-level or --beta");
            }
            return preset.get().spec();
        }
        Family family = family();
        List<Integer> shape = family.convolutional() ? InputShapes.convolutional(dataShape, dataName) : InputShapes.flat(dataShape);
        ModelSpec base = ModelSpec.defaults(family, shape);
        return new ModelSpec(family, shape, hidden != null ? hidden : base.hidden(), latent != null ? latent : base.latent(),
                base.activation(), base.likelihood(), corruption(family, base.corruption()), base.penaltyWeight(),
                base.sparsityTarget(), beta(family, base.beta()), base.reconstructionScale());
    }

    private Noise corruption(Family family, Noise base) {
        if (!noise.given()) {
            return base;
        }
        if (family != Family.DENOISING_AE && family != Family.STACKED_AE) {
            throw new IllegalArgumentException("--noise and --noise-level apply to denoising-ae and stacked-ae, not " + family.id());
        }
        return noise.noise(base);
    }

    private double beta(Family family, double base) {
        if (beta == null) {
            return base;
        }
        if (!family.variational()) {
            throw new IllegalArgumentException("--beta applies to vae and conv-vae, not " + family.id());
        }
        return beta;
    }
}
