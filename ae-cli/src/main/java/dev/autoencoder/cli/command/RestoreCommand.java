package dev.autoencoder.cli.command;

import dev.autoencoder.api.random.Rng;
import dev.autoencoder.cli.report.Pictures;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.catalog.Degradation;
import dev.autoencoder.data.stats.ErrorMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Base of the commands that degrade samples (or not), run the model on them and compare its output with the
 * originals: {@code reconstruct}, {@code denoise}, {@code super-resolve}, {@code inpaint}. They print the MSE and
 * PSNR of the degraded input and of the output against the originals, and draw a PNG with one row per sample:
 * the input (low resolution and enlarged, for super-resolution), the output and the original.
 */
abstract class RestoreCommand extends DataCommand {
    @Option(names = "--count", paramLabel = "N", defaultValue = "8", description = "Samples drawn in the PNG. Default: ${DEFAULT-VALUE}.")
    private int count;

    /** The degradation to undo for samples like {@code raw} (as loaded), or empty to reconstruct them as they are. */
    protected abstract Optional<Degradation> degradation(Dataset raw);

    /** The PNG's file name: the output's name and {@code .png}, unless a command names it otherwise. */
    protected String pictureName() {
        return outputName() + ".png";
    }

    /** What the output is called in the PNG and the report, e.g. {@code denoised}. */
    protected abstract String outputName();

    @Override
    protected final void run() {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        Dataset raw = rawSamples();
        Dataset clean = samples();
        Optional<Degradation> degradation = degradation(raw);
        Dataset input = degradation.map(d -> fitted(d.apply(raw, new Rng(seed())))).orElse(clean);
        float[] output = inference().reconstruct(input);
        stdout().printf(Locale.ROOT, "%s on %s, %d samples%s%n", model().describe(), clean.name(), clean.size(),
                degradation.map(d -> ", " + d.describe()).orElse(""));
        if (degradation.isPresent()) {
            report("input", ErrorMetrics.mse(input.data(), clean.data()));
        }
        report(outputName(), ErrorMetrics.mse(output, clean.data()));
        Optional<Pictures> pictures = pictures();
        if (pictures.isEmpty()) {
            stdout().println("  (the samples are not images: no picture drawn)");
            return;
        }
        stdout().println("  " + draw(pictures.get(), raw, degradation, input, output));
    }

    private Path draw(Pictures pictures, Dataset raw, Optional<Degradation> degradation, Dataset input, float[] output) {
        Dataset clean = samples();
        int n = Math.min(count, clean.size());
        List<String> columns = new ArrayList<>();
        List<Dataset> stages = new ArrayList<>();
        if (degradation.orElse(null) instanceof Degradation.LowResolution low) {
            columns.add("low-res input");
            stages.add(low.small(raw.slice(0, n).toDataset()));
            columns.add("enlarged");
        } else {
            columns.add("input");
        }
        stages.add(pictures.images("input", input.data(), n, clean));
        columns.add(outputName());
        stages.add(pictures.images(outputName(), output, n, null));
        if (degradation.isPresent()) {
            columns.add("original");
            stages.add(pictures.images("original", clean.data(), n, null));
        }
        return pictures.comparison(output(pictureName()), outputName() + " by " + model().model().spec().family().id(), columns, stages);
    }

    private void report(String what, double mse) {
        stdout().printf(Locale.ROOT, "  %-14s vs original: mse %.6g  psnr %.2f dB%n", what, mse, ErrorMetrics.psnr(mse));
    }
}
