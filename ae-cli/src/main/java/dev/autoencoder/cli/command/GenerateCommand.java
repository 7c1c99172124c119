package dev.autoencoder.cli.command;

import dev.autoencoder.cli.report.Pictures;
import dev.autoencoder.cli.report.PriorPictures;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ae generate}: new samples from a VAE's prior, and for a 2-D latent space a traversal of it. */
@Command(name = "generate", header = "Samples from a VAE's prior, and a traversal of its latent space.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draw codes from a VAE's prior N(0, I) and decode them into generated.png; for a 2-D latent space also "
                + "decode a regular grid of codes into traversal.png (z0 left to right, z1 bottom to top). A cvae or conv-cvae "
                + "draws samples of --class K, or without it one row of --columns samples per class.")
public final class GenerateCommand extends ModelCommand {
    @Option(names = "--count", paramLabel = "N", defaultValue = "64", description = "Samples to draw. Default: ${DEFAULT-VALUE}.")
    private int count;

    @Option(names = "--columns", paramLabel = "N", defaultValue = "8", description = "Images per row. Default: ${DEFAULT-VALUE}.")
    private int columns;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "" + PriorPictures.DEFAULT_GRID,
            description = "Traversal images per side (2-D latent spaces). Default: ${DEFAULT-VALUE}.")
    private int grid;

    @Option(names = "--range", paramLabel = "R", defaultValue = "" + PriorPictures.DEFAULT_RANGE,
            description = "The traversal spans [-R, R] in both latent dimensions (prior standard deviations). "
                    + "Default: ${DEFAULT-VALUE}.")
    private double range;

    @Option(names = "--class", paramLabel = "K",
            description = "The class of a cvae's or conv-cvae's samples. Default: one row per class.")
    private Integer label;

    @Override
    protected void run() {
        if (count < 1 || columns < 1 || grid < 2 || !(range > 0)) {
            throw new IllegalArgumentException("need --count >= 1, --columns >= 1, --grid >= 2 and --range > 0");
        }
        model().requireGenerative("generate");
        Pictures pictures = pictures().orElseThrow(() -> new IllegalArgumentException("cannot draw the samples of "
                + model().describe() + ": its inputs " + model().model().spec().inputShape() + " are not images"));
        PriorPictures prior = new PriorPictures(inference(), pictures);
        boolean conditional = model().model().spec().classes() > 0;
        Path samples = label != null ? prior.samples(output("generated.png"), count, columns, seed(), label)
                : prior.samples(output("generated.png"), count, columns, seed());
        stdout().printf(Locale.ROOT, "samples from the prior of %s%n  %s%n", model().describe(), samples);
        if (model().model().spec().latent() == 2 && (label != null || !conditional)) {
            Path png = output("traversal.png");
            stdout().printf("  %s%n", label != null ? prior.traversal(png, grid, range, label) : prior.traversal(png, grid, range));
        }
    }
}
