package dev.autoencoder.cli.command;

import dev.autoencoder.cli.codec.CodeFile;
import dev.autoencoder.cli.codec.Precision;
import dev.autoencoder.cli.report.ErrorMetrics;
import dev.autoencoder.data.Dataset;
import dev.autoencoder.models.family.ModelSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ae compress}: samples encoded into a compact file of codes. */
@Command(name = "compress", header = "Encode samples into a compact file of codes.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Encode samples into a file of codes (ae's own format: a header with the model's identity, the codes "
                + "in float16 or float32, a checksum), and report its size against the raw data and the error of decoding "
                + "it.", "Decode it with 'ae decompress'."})
public final class CompressCommand extends DataCommand {
    @Option(names = "--codes", paramLabel = "FILE", description = "The code file to write. Default: codes.aec in --out.")
    private Path codes;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float16",
            description = "How codes are stored: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private Precision precision;

    @Override
    protected void run() {
        Dataset samples = samples();
        ModelSpec spec = model().model().spec();
        int[] ids = IntStream.range(0, samples.size()).map(samples::sourceIndex).toArray();
        CodeFile file = new CodeFile(CodeFile.hash(spec), precision, spec.latent(), spec.inputShape(), origin(), ids,
                samples.hasLabels() ? samples.labels() : null, inference().encode(samples));
        Path target = codes != null ? codes : output("codes.aec");
        long bytes = file.write(target);
        double mse = ErrorMetrics.mse(inference().decode(file.codes()), samples.data());
        long values = (long) samples.size() * samples.sampleSize();
        stdout().printf(Locale.ROOT, "%d samples of %s (%s) encoded by %s into %d-value %s codes%n", samples.size(),
                spec.inputShape(), origin(), model().describe(), spec.latent(), precision);
        stdout().printf(Locale.ROOT, "  %s: %,d bytes (%.1f per sample)%n", target, bytes, (double) bytes / samples.size());
        stdout().printf(Locale.ROOT, "  size ratio %.1fx against float32 values (%,d bytes), %.1fx against 8-bit values (%,d bytes)%n",
                4.0 * values / bytes, 4 * values, (double) values / bytes, values);
        stdout().printf(Locale.ROOT, "  decoded vs original: mse %.6g  psnr %.2f dB%n", mse, ErrorMetrics.psnr(mse));
    }
}
