package dev.autoencoder.cli.command;

import dev.autoencoder.cli.report.Pictures;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.Samples;
import dev.autoencoder.data.catalog.Classes;
import dev.autoencoder.data.stats.Interpolation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ae interpolate}: a path between two samples through latent space, beside the plain pixel blend. */
@Command(name = "interpolate", header = "A path between two samples through latent space.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = "Encode two samples, decode evenly spaced points on the line between their codes, and draw them in "
                + "interpolation.png above the pixel-space blend of the same two samples.")
public final class InterpolateCommand extends DataCommand {
    @Option(names = "--from", paramLabel = "INDEX", defaultValue = "0",
            description = "The first sample (an index into --split). Default: ${DEFAULT-VALUE}.")
    private int from;

    @Option(names = "--to", paramLabel = "INDEX", defaultValue = "1",
            description = "The last sample (an index into --split). Default: ${DEFAULT-VALUE}.")
    private int to;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "10", description = "Images in the strip. Default: ${DEFAULT-VALUE}.")
    private int steps;

    @Option(names = "--class", paramLabel = "K", description = "A cvae's or conv-cvae's class: --from and --to index its samples "
            + "in --split, and the path is decoded under it.")
    private Integer label;

    @Override
    protected void run() {
        boolean conditional = model().model().spec().classes() > 0;
        if (label != null && !conditional || label == null && conditional) {
            throw new IllegalArgumentException(conditional ? model().describe() + " interpolates within a class: give --class K"
                    : "--class applies to a cvae or conv-cvae; " + model().describe() + " is not conditioned on classes");
        }
        Dataset samples = label == null ? samples() : Classes.only(samples(), label);
        for (int index : new int[] {from, to}) {
            if (index < 0 || index >= samples.size()) {
                throw new IllegalArgumentException("--from and --to must be in [0, " + samples.size() + "), got " + index);
            }
        }
        Pictures pictures = pictures().orElseThrow(() -> new IllegalArgumentException("cannot draw samples of '"
                + samples.name() + "': they are not images"));
        int per = samples.sampleSize();
        Samples first = samples.slice(from, from + 1);
        Samples last = samples.slice(to, to + 1);
        float[] decoded = inference().interpolate(first, last, steps);
        float[] blend = Interpolation.linear(first.features(), last.features(), steps);
        List<String> columns = new ArrayList<>();
        List<Dataset> stages = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            float[] pair = new float[2 * per];
            System.arraycopy(decoded, s * per, pair, 0, per);
            System.arraycopy(blend, s * per, pair, per, per);
            columns.add(String.format(Locale.ROOT, "t=%.2f", (float) s / (steps - 1)));
            stages.add(s == 0 ? pictures.captioned("t0", pair, List.of("latent space", "pixel space")) : pictures.images("t" + s, pair));
        }
        Path png = pictures.comparison(output("interpolation.png"), "sample " + from + " to sample " + to + " of " + samples.name(),
                columns, stages);
        stdout().printf(Locale.ROOT, "interpolated sample %d to %d of %s through the %d-d latent space of %s%n  %s%n", from, to,
                samples.name(), model().model().spec().latent(), model().describe(), png);
    }
}
